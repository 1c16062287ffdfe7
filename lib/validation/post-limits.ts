// The post form's limits, apart from the zod schemas (posts.ts) so the editor, a client
// component, can show them without shipping zod to the browser.
export const MAX_TITLE_LENGTH = 150;
export const MAX_POST_BODY = 50_000;
