/**
 * HTTP-level client mistakes answered as such (a yoga plugin):
 *
 * - a request yoga cannot read — malformed `variables` or `extensions` in a GET, a body that is not the JSON it
 *   claims to be — is a 400 with a GraphQL error body (`BAD_REQUEST`), never a 500;
 * - responses that yoga sends without a body (415 for a wrong content type, 406 for an unacceptable `accept`,
 *   405, 404…) get a GraphQL error body with a code, so every client mistake reads the same way.
 */
import { GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

const CODES: Record<number, [code: string, message: string]> = {
  400: ["BAD_REQUEST", "The request is not a valid GraphQL request."],
  404: ["NOT_FOUND", "Nothing is served at this path; the GraphQL endpoint is /graphql."],
  405: ["METHOD_NOT_ALLOWED", "This method is not allowed here; use GET or POST on /graphql."],
  406: [
    "NOT_ACCEPTABLE",
    "None of the accepted media types can be produced; accept application/graphql-response+json or application/json.",
  ],
  413: ["PAYLOAD_TOO_LARGE", "The request body is too large."],
  415: [
    "UNSUPPORTED_MEDIA_TYPE",
    "Unsupported content type; send application/json (or application/graphql, or a GET with a query parameter).",
  ],
};

function errorBody(status: number): string {
  const [code, message] = CODES[status] ?? [
    `HTTP_${status}`,
    `The request failed with HTTP status ${status}.`,
  ];
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

const hasHttpStatus = (e: unknown) =>
  e instanceof GraphQLError &&
  typeof (e.extensions?.http as { status?: unknown } | undefined)?.status === "number";

export function useHttpErrorBodies(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (hasHttpStatus(error)) throw error;
          throw createGraphQLError(
            `Malformed request: ${error instanceof Error ? error.message.slice(0, 200) : "unreadable parameters"}`,
            { extensions: { code: "BAD_REQUEST", http: { status: 400 } } },
          );
        }
      });
    },
    onResponse({ response, setResponse, fetchAPI }) {
      if (response.status < 400 || response.body !== null) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set("content-type", "application/json; charset=utf-8");
      headers.delete("content-length");
      setResponse(
        new fetchAPI.Response(errorBody(response.status), {
          status: response.status,
          statusText: response.statusText,
          headers,
        }),
      );
    },
  };
}
