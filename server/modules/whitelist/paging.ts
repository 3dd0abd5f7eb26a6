/** Page defaults of the white-list lists. */
export const withPage = <T extends { page?: number; pageSize?: number }>(q: T) => ({
  ...q,
  page: q.page ?? 1,
  pageSize: q.pageSize ?? 20,
});
