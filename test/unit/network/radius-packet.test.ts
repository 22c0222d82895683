import { createHash } from 'node:crypto';
import { decodeAttributes, encodeAttribute, errorCauseName, RadiusDecodeError } from '../../../network/radius-attributes';
import {
  decodePacket, encodeRequest, encodeResponse, RadiusCode, verifyRequestAuthenticator, verifyResponseAuthenticator,
} from '../../../network/radius-packet';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

describe('RADIUS attributes', () => {
  it('encodes the attributes Settle sends, byte for byte', () => {
    expect(encodeAttribute({ type: 'User-Name', value: 'alice' })).toEqual(hex('01 07 616c696365'));
    expect(encodeAttribute({ type: 'NAS-IP-Address', value: '10.0.0.1' })).toEqual(hex('04 06 0a000001'));
    expect(encodeAttribute({ type: 'Acct-Session-Id', value: 'ABC123' })).toEqual(hex('2c 08 414243313233'));
    expect(encodeAttribute({ type: 'Error-Cause', value: 503 })).toEqual(hex('65 06 000001f7'));
    // Vendor-Specific: type 26, length, vendor 14988 (0x3a8c), vendor type 8, vendor length, string.
    expect(encodeAttribute({ type: 'Mikrotik-Rate-Limit', value: '1M/1M' })).toEqual(hex('1a 0d 00003a8c 08 07 314d2f314d'));
  });

  it('decodes them back, and keeps unknown attributes as raw bytes', () => {
    const bytes = hex('01 07 616c696365 04 06 0a000001 2c 08 414243313233 65 06 000001f7 1a 0d 00003a8c 08 07 314d2f314d 06 06 00000001');
    expect(decodeAttributes(bytes)).toEqual([
      { type: 'User-Name', value: 'alice' },
      { type: 'NAS-IP-Address', value: '10.0.0.1' },
      { type: 'Acct-Session-Id', value: 'ABC123' },
      { type: 'Error-Cause', value: 503 },
      { type: 'Mikrotik-Rate-Limit', value: '1M/1M' },
      { type: 'Raw', code: 6, value: hex('00000001') },
    ]);
  });

  it('keeps a Vendor-Specific attribute of another vendor raw, so it re-encodes unchanged', () => {
    const cisco = hex('1a 0e 00000009 01 08 6162636465 66');
    const [attr] = decodeAttributes(cisco);
    expect(attr).toEqual({ type: 'Raw', code: 26, value: cisco.subarray(2) });
    expect(encodeAttribute(attr!)).toEqual(cisco);
  });

  it('rejects malformed attribute areas and oversized values', () => {
    expect(() => decodeAttributes(hex('01 09 616c696365'))).toThrow(RadiusDecodeError);
    expect(() => decodeAttributes(hex('01 01'))).toThrow(RadiusDecodeError);
    expect(() => decodeAttributes(hex('01'))).toThrow(RadiusDecodeError);
    expect(() => encodeAttribute({ type: 'User-Name', value: 'x'.repeat(254) })).toThrow(RangeError);
    expect(() => encodeAttribute({ type: 'Mikrotik-Rate-Limit', value: 'x'.repeat(248) })).toThrow(RangeError);
    expect(() => encodeAttribute({ type: 'NAS-IP-Address', value: '::1' })).toThrow(RangeError);
  });

  it('names RFC 5176 error causes', () => {
    expect(errorCauseName(503)).toBe('Session Context Not Found');
    expect(errorCauseName(404)).toBe('Invalid Request');
    expect(errorCauseName(999)).toBe('Unknown Error-Cause');
  });
});

describe('RADIUS packets', () => {
  const secret = 's3cret';
  const coaAttributes = hex('01 07 616c696365 1a 0d 00003a8c 08 07 314d2f314d');

  it('signs a CoA-Request with MD5(Code+ID+Length+16 zero octets+Attributes+Secret)', () => {
    const packet = encodeRequest(RadiusCode.CoaRequest, 7, [
      { type: 'User-Name', value: 'alice' }, { type: 'Mikrotik-Rate-Limit', value: '1M/1M' },
    ], secret);

    const expectedAuth = md5(hex('2b 07 0028'), Buffer.alloc(16), coaAttributes, Buffer.from(secret));
    // Also computed with Python's hashlib, an independent MD5.
    expect(expectedAuth.toString('hex')).toBe('bf9ce32989479f93fe312aab36901fc7');
    expect(packet).toEqual(Buffer.concat([hex('2b 07 0028'), expectedAuth, coaAttributes]));
    expect(verifyRequestAuthenticator(packet, secret)).toBe(true);
  });

  it('signs a Disconnect-Request the same way', () => {
    const attrs = hex('01 05 626f62 04 06 0a000001 2c 08 414243313233');
    const packet = encodeRequest(RadiusCode.DisconnectRequest, 200, [
      { type: 'User-Name', value: 'bob' }, { type: 'NAS-IP-Address', value: '10.0.0.1' }, { type: 'Acct-Session-Id', value: 'ABC123' },
    ], secret);
    expect(packet).toEqual(Buffer.concat([hex('28 c8 0027'), hex('8c63df6edca511702e06f0586555014a'), attrs]));
    expect(decodePacket(packet)).toEqual({
      code: 40, identifier: 200, authenticator: hex('8c63df6edca511702e06f0586555014a'),
      attributes: [{ type: 'User-Name', value: 'bob' }, { type: 'NAS-IP-Address', value: '10.0.0.1' }, { type: 'Acct-Session-Id', value: 'ABC123' }],
    });
  });

  it('refuses a request signed with another secret or altered in transit', () => {
    const packet = encodeRequest(RadiusCode.CoaRequest, 7, [{ type: 'User-Name', value: 'alice' }], secret);
    expect(verifyRequestAuthenticator(packet, 'other')).toBe(false);
    const tampered = Buffer.from(packet);
    tampered[tampered.length - 1] ^= 1;
    expect(verifyRequestAuthenticator(tampered, secret)).toBe(false);
    expect(verifyRequestAuthenticator(packet.subarray(0, 10), secret)).toBe(false);
  });

  it('reproduces the RFC 2865 §7.1 Access-Accept response authenticator', () => {
    // Same formula as CoA-ACK/NAK: MD5(Code+ID+Length+Request Authenticator+Attributes+Secret).
    const requestAuth = hex('0f403f9473978057bd83d5cb98f4227a');
    const accept = hex(`02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf
                        9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00
                        0e 06 c0 a8 01 03`);
    const decoded = decodePacket(accept);
    expect(encodeResponse(decoded.code, decoded.identifier, requestAuth, decoded.attributes, 'xyzzy5461')).toEqual(accept);
    expect(verifyResponseAuthenticator(accept, requestAuth, 'xyzzy5461')).toBe(true);
    expect(verifyResponseAuthenticator(accept, Buffer.alloc(16), 'xyzzy5461')).toBe(false);
  });

  it('signs ACK and NAK responses against the request authenticator', () => {
    const request = encodeRequest(RadiusCode.CoaRequest, 7, [
      { type: 'User-Name', value: 'alice' }, { type: 'Mikrotik-Rate-Limit', value: '1M/1M' },
    ], secret);
    const requestAuth = request.subarray(4, 20);

    const ack = encodeResponse(RadiusCode.CoaAck, 7, requestAuth, [], secret);
    expect(ack).toEqual(Buffer.concat([hex('2c 07 0014'), hex('e1827db2658b9add368ca1e7212c75f5')]));
    expect(verifyResponseAuthenticator(ack, requestAuth, secret)).toBe(true);
    expect(verifyResponseAuthenticator(ack, requestAuth, 'other')).toBe(false);

    const nak = encodeResponse(RadiusCode.CoaNak, 7, requestAuth, [{ type: 'Error-Cause', value: 503 }], secret);
    expect(nak.subarray(4, 20)).toEqual(md5(hex('2d 07 001a'), requestAuth, hex('65 06 000001f7'), Buffer.from(secret)));
    expect(decodePacket(nak).attributes).toEqual([{ type: 'Error-Cause', value: 503 }]);
  });

  it('ignores octets past the Length field and rejects packets shorter than it', () => {
    const ack = encodeResponse(RadiusCode.DisconnectAck, 1, Buffer.alloc(16, 9), [], secret);
    const padded = Buffer.concat([ack, hex('00 00 00')]);
    expect(decodePacket(padded).attributes).toEqual([]);
    expect(verifyResponseAuthenticator(padded, Buffer.alloc(16, 9), secret)).toBe(true);

    expect(() => decodePacket(ack.subarray(0, 19))).toThrow(RadiusDecodeError);
    const lying = Buffer.from(ack);
    lying.writeUInt16BE(40, 2);
    expect(() => decodePacket(lying)).toThrow(/exceeds/);
  });

  it('refuses identifiers outside one octet', () => {
    expect(() => encodeRequest(RadiusCode.CoaRequest, 256, [], secret)).toThrow(RangeError);
  });
});
