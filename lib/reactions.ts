/**
 * The ways to react to a post or a comment (the reactions table's check constraint lists the same).
 * Here rather than in db/schema: the reaction buttons are a client component, and importing a
 * schema file would ship drizzle to every reader's browser.
 */
export const REACTION_KINDS = ['like', 'insightful', 'thanks', 'celebrate'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
