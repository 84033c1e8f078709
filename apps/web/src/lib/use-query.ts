import { useEffect, useRef, useState } from "preact/hooks";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, requestPartial } from "./api";
import { useLive } from "./live";

/**
 * A query's state. `done` may carry an `error` beside its data: the fields that could not answer are null and
 * the error says why (a partial answer).
 */
export type QueryState<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "error"; error: ApiError; data?: undefined }
  | { status: "done"; data: T; error?: ApiError | undefined };

/**
 * Runs one operation whenever its variables change (compared as JSON), aborting the previous request, and again
 * whenever the dataset changes (live.ts): then the current answer stays on screen until the new one replaces it.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): QueryState<TResult> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<TResult>>({ status: "loading" });
  const { tick } = useLive();
  const shown = useRef<string | undefined>(undefined);
  // the variables are compared by their JSON key; `tick` moves when the dataset changed
  useEffect(() => {
    const controller = new AbortController();
    // New inputs show the loading state; a re-query after a dataset change keeps the current answer meanwhile.
    if (shown.current !== key) setState({ status: "loading" });
    shown.current = key;
    requestPartial(document, variables, controller.signal).then(
      ({ data, error }) => {
        if (!controller.signal.aborted) setState({ status: "done", data, error });
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
  }, [document, key, tick]);
  return state;
}
