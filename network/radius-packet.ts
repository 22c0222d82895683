import { createHash, timingSafeEqual } from 'node:crypto';
import { decodeAttributes, encodeAttributes, RadiusDecodeError, type RadiusAttribute } from './radius-attributes';

/** RFC 5176 Dynamic Authorization codes. */
export const RadiusCode = {
  DisconnectRequest: 40,
  DisconnectAck: 41,
  DisconnectNak: 42,
  CoaRequest: 43,
  CoaAck: 44,
  CoaNak: 45,
} as const;

const HEADER_LENGTH = 20;
const AUTHENTICATOR_OFFSET = 4;
const AUTHENTICATOR_LENGTH = 16;
const MAX_PACKET_LENGTH = 4096;

export interface RadiusPacket {
  code: number;
  identifier: number;
  authenticator: Buffer;
  attributes: RadiusAttribute[];
}

/** Header with the given authenticator field followed by the attributes: the MD5 input minus the secret. */
function assemble(code: number, identifier: number, authenticator: Buffer, attributes: Buffer): Buffer {
  const length = HEADER_LENGTH + attributes.length;
  if (length > MAX_PACKET_LENGTH) throw new RangeError(`RADIUS packet would be ${length} octets (max ${MAX_PACKET_LENGTH})`);
  if (!Number.isInteger(identifier) || identifier < 0 || identifier > 255) throw new RangeError(`RADIUS identifier must be 0..255, got ${identifier}`);
  const header = Buffer.alloc(HEADER_LENGTH);
  header[0] = code;
  header[1] = identifier;
  header.writeUInt16BE(length, 2);
  authenticator.copy(header, AUTHENTICATOR_OFFSET);
  return Buffer.concat([header, attributes]);
}

function signWith(unsigned: Buffer, secret: string): Buffer {
  const digest = createHash('md5').update(unsigned).update(secret, 'utf8').digest();
  digest.copy(unsigned, AUTHENTICATOR_OFFSET);
  return unsigned;
}

/** CoA-/Disconnect-Request: authenticator = MD5(Code+ID+Length+16 zero octets+Attributes+Secret) (RFC 5176 §2.3). */
export function encodeRequest(code: number, identifier: number, attributes: readonly RadiusAttribute[], secret: string): Buffer {
  return signWith(assemble(code, identifier, Buffer.alloc(AUTHENTICATOR_LENGTH), encodeAttributes(attributes)), secret);
}

/** ACK/NAK: authenticator = MD5(Code+ID+Length+Request Authenticator+Attributes+Secret) (RFC 2865 §3). */
export function encodeResponse(
  code: number, identifier: number, requestAuthenticator: Buffer, attributes: readonly RadiusAttribute[], secret: string,
): Buffer {
  return signWith(assemble(code, identifier, requestAuthenticator, encodeAttributes(attributes)), secret);
}

/** The packet's declared extent; octets past Length are padding and must be ignored (RFC 2865 §3). */
function packetBytes(datagram: Buffer): Buffer {
  if (datagram.length < HEADER_LENGTH) throw new RadiusDecodeError(`packet is ${datagram.length} octets, shorter than the header`);
  const length = datagram.readUInt16BE(2);
  if (length < HEADER_LENGTH || length > MAX_PACKET_LENGTH) throw new RadiusDecodeError(`packet Length field ${length} is out of range`);
  if (length > datagram.length) throw new RadiusDecodeError(`packet Length field ${length} exceeds the ${datagram.length} octets received`);
  return datagram.subarray(0, length);
}

export function decodePacket(datagram: Buffer): RadiusPacket {
  const bytes = packetBytes(datagram);
  return {
    code: bytes[0]!,
    identifier: bytes[1]!,
    authenticator: Buffer.from(bytes.subarray(AUTHENTICATOR_OFFSET, HEADER_LENGTH)),
    attributes: decodeAttributes(bytes.subarray(HEADER_LENGTH)),
  };
}

function authenticatorMatches(datagram: Buffer, substitute: Buffer, secret: string): boolean {
  let bytes: Buffer;
  try {
    bytes = packetBytes(datagram);
  } catch {
    return false;
  }
  const copy = Buffer.from(bytes);
  substitute.copy(copy, AUTHENTICATOR_OFFSET);
  const expected = createHash('md5').update(copy).update(secret, 'utf8').digest();
  return timingSafeEqual(expected, bytes.subarray(AUTHENTICATOR_OFFSET, HEADER_LENGTH));
}

/** What a NAS checks on an incoming CoA-/Disconnect-Request. */
export function verifyRequestAuthenticator(datagram: Buffer, secret: string): boolean {
  return authenticatorMatches(datagram, Buffer.alloc(AUTHENTICATOR_LENGTH), secret);
}

/** Proves a response came from a NAS that knows the secret and answers this very request. */
export function verifyResponseAuthenticator(datagram: Buffer, requestAuthenticator: Buffer, secret: string): boolean {
  if (requestAuthenticator.length !== AUTHENTICATOR_LENGTH) return false;
  return authenticatorMatches(datagram, requestAuthenticator, secret);
}
