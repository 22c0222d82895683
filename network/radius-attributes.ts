import { isIPv4 } from 'node:net';

export const MIKROTIK_VENDOR_ID = 14988;
const MIKROTIK_RATE_LIMIT = 8;
const VENDOR_SPECIFIC = 26;
const MAX_VALUE_LENGTH = 253;

export const AttributeType = {
  UserName: 1,
  NasIpAddress: 4,
  AcctSessionId: 44,
  ErrorCause: 101,
} as const;

export type RadiusAttribute =
  | { type: 'User-Name'; value: string }
  | { type: 'NAS-IP-Address'; value: string }
  | { type: 'Acct-Session-Id'; value: string }
  | { type: 'Error-Cause'; value: number }
  | { type: 'Mikrotik-Rate-Limit'; value: string }
  /** Anything else, kept as bytes so a decoded packet re-encodes unchanged. */
  | { type: 'Raw'; code: number; value: Buffer };

/** RFC 5176 §3.5 Error-Cause values, for readable NAK messages. */
const ERROR_CAUSES: Record<number, string> = {
  201: 'Residual Session Context Removed',
  202: 'Invalid EAP Packet (Ignored)',
  401: 'Unsupported Attribute',
  402: 'Missing Attribute',
  403: 'NAS Identification Mismatch',
  404: 'Invalid Request',
  405: 'Unsupported Service',
  406: 'Unsupported Extension',
  407: 'Invalid Attribute Value',
  501: 'Administratively Prohibited',
  502: 'Request Not Routable (Proxy)',
  503: 'Session Context Not Found',
  504: 'Session Context Not Removable',
  505: 'Other Proxy Processing Error',
  506: 'Resources Unavailable',
  507: 'Request Initiated',
  508: 'Multiple Session Selection Unsupported',
};

export function errorCauseName(code: number): string {
  return ERROR_CAUSES[code] ?? 'Unknown Error-Cause';
}

export class RadiusDecodeError extends Error {}

function tlv(code: number, value: Buffer): Buffer {
  if (value.length > MAX_VALUE_LENGTH) throw new RangeError(`RADIUS attribute ${code} value is ${value.length} octets (max ${MAX_VALUE_LENGTH})`);
  return Buffer.concat([Buffer.from([code, value.length + 2]), value]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export function encodeAttribute(attr: RadiusAttribute): Buffer {
  switch (attr.type) {
    case 'User-Name':
      return tlv(AttributeType.UserName, Buffer.from(attr.value, 'utf8'));
    case 'Acct-Session-Id':
      return tlv(AttributeType.AcctSessionId, Buffer.from(attr.value, 'utf8'));
    case 'NAS-IP-Address':
      if (!isIPv4(attr.value)) throw new RangeError(`NAS-IP-Address must be IPv4, got '${attr.value}'`);
      return tlv(AttributeType.NasIpAddress, Buffer.from(attr.value.split('.').map(Number)));
    case 'Error-Cause':
      return tlv(AttributeType.ErrorCause, uint32(attr.value));
    case 'Mikrotik-Rate-Limit': {
      const sub = tlv(MIKROTIK_RATE_LIMIT, Buffer.from(attr.value, 'utf8'));
      return tlv(VENDOR_SPECIFIC, Buffer.concat([uint32(MIKROTIK_VENDOR_ID), sub]));
    }
    case 'Raw':
      return tlv(attr.code, attr.value);
  }
}

export function encodeAttributes(attrs: readonly RadiusAttribute[]): Buffer {
  return Buffer.concat(attrs.map(encodeAttribute));
}

function decodeVendorSpecific(value: Buffer): RadiusAttribute {
  // Only a VSA holding exactly one MikroTik Rate-Limit is interpreted; any other
  // layout stays raw rather than being half-understood.
  if (value.length >= 6 && value.readUInt32BE(0) === MIKROTIK_VENDOR_ID
      && value[4] === MIKROTIK_RATE_LIMIT && value[5] === value.length - 4) {
    return { type: 'Mikrotik-Rate-Limit', value: value.subarray(6).toString('utf8') };
  }
  return { type: 'Raw', code: VENDOR_SPECIFIC, value: Buffer.from(value) };
}

function decodeOne(code: number, value: Buffer): RadiusAttribute {
  switch (code) {
    case AttributeType.UserName:
      return { type: 'User-Name', value: value.toString('utf8') };
    case AttributeType.AcctSessionId:
      return { type: 'Acct-Session-Id', value: value.toString('utf8') };
    case AttributeType.NasIpAddress:
      if (value.length === 4) return { type: 'NAS-IP-Address', value: [...value].join('.') };
      break;
    case AttributeType.ErrorCause:
      if (value.length === 4) return { type: 'Error-Cause', value: value.readUInt32BE(0) };
      break;
    case VENDOR_SPECIFIC:
      return decodeVendorSpecific(value);
  }
  return { type: 'Raw', code, value: Buffer.from(value) };
}

/** Decodes the attribute area of a packet (everything after the 20-octet header). */
export function decodeAttributes(bytes: Buffer): RadiusAttribute[] {
  const attrs: RadiusAttribute[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) throw new RadiusDecodeError(`truncated attribute header at offset ${offset}`);
    const code = bytes[offset]!;
    const length = bytes[offset + 1]!;
    if (length < 2 || offset + length > bytes.length) throw new RadiusDecodeError(`attribute ${code} at offset ${offset} has bad length ${length}`);
    attrs.push(decodeOne(code, bytes.subarray(offset + 2, offset + length)));
    offset += length;
  }
  return attrs;
}
