/** Page defaults of list routes whose query schema leaves page and pageSize optional. */
export const withPage = <T extends { page?: number; pageSize?: number }>(q: T) => ({
  ...q,
  page: q.page ?? 1,
  pageSize: q.pageSize ?? 20,
});
