// Points the real twilio client at another base URL (a local stub in tests, or a
// self-hosted Twilio-compatible gateway).
//
// twilio v6 has no baseUrl option: `edge` / `region` (and TWILIO_EDGE / TWILIO_REGION)
// only rewrite the host *within* twilio.com, and each Domain hard-codes
// https://api.twilio.com. The supported extension point is ClientOpts.httpClient, so we
// subclass twilio's own RequestClient and change only the URI origin: basic auth, form
// encoding, User-Agent and the RestException mapping all stay twilio's.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.base = new URL(baseUrl);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request({ ...opts, uri: rebase(opts.uri, this.base) });
  }
}

/** https://api.twilio.com/2010-04-01/X?y → {base}/2010-04-01/X?y, keeping a path prefix of base. */
export function rebase(uri: string, base: URL): string {
  const original = new URL(uri);
  const target = new URL(base.href);
  target.pathname = `${base.pathname.replace(/\/+$/, '')}${original.pathname}`;
  target.search = original.search;
  return target.href;
}
