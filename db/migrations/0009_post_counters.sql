ALTER TABLE "posts" ADD COLUMN "comment_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "reaction_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Counters kept with their rows, once per statement (a bulk insert updates each post once).
-- A live comment is one neither deleted nor hidden by a moderator.
CREATE FUNCTION posts_comment_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE posts p SET comment_count = p.comment_count + c.n
      FROM (SELECT post_id, count(*)::int AS n FROM new_rows WHERE post_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL GROUP BY 1) c WHERE p.id = c.post_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE posts p SET comment_count = p.comment_count - c.n
      FROM (SELECT post_id, count(*)::int AS n FROM old_rows WHERE post_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL GROUP BY 1) c WHERE p.id = c.post_id;
  ELSE
    -- The net change per post, and only posts whose count moves: an edit of a comment's text
    -- leaves the post row alone.
    UPDATE posts p SET comment_count = p.comment_count + c.n
      FROM (
        SELECT post_id, sum(n)::int AS n FROM (
          SELECT post_id, 1 AS n FROM new_rows WHERE post_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL
          UNION ALL
          SELECT post_id, -1 AS n FROM old_rows WHERE post_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL
        ) x GROUP BY post_id HAVING sum(n) <> 0
      ) c
      WHERE p.id = c.post_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER posts_comment_count_insert AFTER INSERT ON comments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION posts_comment_count();--> statement-breakpoint
CREATE TRIGGER posts_comment_count_update AFTER UPDATE ON comments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION posts_comment_count();--> statement-breakpoint
CREATE TRIGGER posts_comment_count_delete AFTER DELETE ON comments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION posts_comment_count();--> statement-breakpoint
CREATE FUNCTION posts_reaction_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE posts p SET reaction_count = p.reaction_count + c.n
      FROM (SELECT post_id, count(*)::int AS n FROM new_rows WHERE post_id IS NOT NULL GROUP BY 1) c WHERE p.id = c.post_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE posts p SET reaction_count = p.reaction_count - c.n
      FROM (SELECT post_id, count(*)::int AS n FROM old_rows WHERE post_id IS NOT NULL GROUP BY 1) c WHERE p.id = c.post_id;
  ELSE
    -- The net change per post, and only posts whose count moves: an edit of a comment's text
    -- leaves the post row alone.
    UPDATE posts p SET reaction_count = p.reaction_count + c.n
      FROM (
        SELECT post_id, sum(n)::int AS n FROM (
          SELECT post_id, 1 AS n FROM new_rows WHERE post_id IS NOT NULL
          UNION ALL
          SELECT post_id, -1 AS n FROM old_rows WHERE post_id IS NOT NULL
        ) x GROUP BY post_id HAVING sum(n) <> 0
      ) c
      WHERE p.id = c.post_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER posts_reaction_count_insert AFTER INSERT ON reactions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION posts_reaction_count();--> statement-breakpoint
CREATE TRIGGER posts_reaction_count_update AFTER UPDATE ON reactions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION posts_reaction_count();--> statement-breakpoint
CREATE TRIGGER posts_reaction_count_delete AFTER DELETE ON reactions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION posts_reaction_count();--> statement-breakpoint
UPDATE posts p SET
  comment_count = (SELECT count(*) FROM comments c WHERE c.post_id = p.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL),
  reaction_count = (SELECT count(*) FROM reactions r WHERE r.post_id = p.id);
