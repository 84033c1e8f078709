import { useEffect, useState } from "preact/hooks";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, request } from "./api";

export type QueryState<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "error"; error: ApiError; data?: undefined }
  | { status: "done"; data: T; error?: undefined };

/**
 * Runs one operation whenever its variables change (compared as JSON), aborting the previous request.
 * `recover` may turn a failed response into a result (used where the API reports missing data as an error).
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  recover?: (error: ApiError, signal: AbortSignal) => Promise<TResult> | undefined,
): QueryState<TResult> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<TResult>>({ status: "loading" });
  // the variables are compared by their JSON key
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    request(document, variables, controller.signal)
      .catch((error: unknown) => {
        const retry = error instanceof ApiError ? recover?.(error, controller.signal) : undefined;
        if (retry) return retry;
        throw error;
      })
      .then(
        (data) => {
          if (!controller.signal.aborted) setState({ status: "done", data });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const apiError =
            error instanceof ApiError
              ? error
              : new ApiError((error as Error).message ?? String(error), "CLIENT");
          setState({ status: "error", error: apiError });
        },
      );
    return () => controller.abort();
  }, [document, key]);
  return state;
}
