/**
 * The response-size cap (`CYCLELENS_MAX_RESPONSE_BYTES`): a GraphQL answer larger than the cap is replaced by
 * one `RESPONSE_TOO_LARGE` error. The work meter (`budget.ts`) already bounds the values an answer holds; this is
 * the backstop on the bytes actually sent (long strings, many fields per value).
 */
import type { Plugin } from "graphql-yoga";

export function useResponseLimit(maxBytes: number): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get("content-type") ?? "";
      if (!type.includes("json") || response.body === null) return;
      const declared = Number(response.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > 0 && declared <= maxBytes) return;
      const text = await response.text();
      const bytes = Buffer.byteLength(text);
      const headers = new fetchAPI.Headers(response.headers);
      headers.delete("content-length");
      if (bytes <= maxBytes) {
        setResponse(new fetchAPI.Response(text, { status: response.status, headers }));
        return;
      }
      void request;
      setResponse(
        new fetchAPI.Response(
          JSON.stringify({
            data: null,
            errors: [
              {
                message: `The answer would be ${bytes} bytes; the maximum is ${maxBytes}. Ask for a shorter range, fewer instruments or fewer fields.`,
                extensions: {
                  code: "RESPONSE_TOO_LARGE",
                  limit: "responseBytes",
                  max: maxBytes,
                  actual: bytes,
                },
              },
            ],
          }),
          { status: response.status, headers },
        ),
      );
    },
  };
}
