// Session state for the whole app: who is logged in (GET /api/me, cached by TanStack Query),
// and the login and logout mutations that keep that cache right.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../../api/query-client.ts";
import { fetchLoginOptions, fetchMe, logIn, logOut, type Me } from "../../api/session.ts";

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => fetchMe(signal) });
}

export function useLoginOptions() {
  return useQuery({
    queryKey: queryKeys.loginOptions,
    queryFn: ({ signal }) => fetchLoginOptions(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    onSuccess: (me: Me) => {
      // Whatever was cached belonged to no one or to someone else.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => {
      // Personal data must not outlive the session on a shared computer, even if the request
      // failed: the server session then expires on its own.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
