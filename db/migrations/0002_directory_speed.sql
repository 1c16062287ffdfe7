ALTER TABLE "mentor_profiles" ADD COLUMN "open_for_requests" boolean GENERATED ALWAYS AS (accepting and active_mentee_count < capacity) STORED;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "search_bio" "tsvector";--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "display_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "handle" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "avatar_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "follower_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "mentor_profiles_search_bio_idx" ON "mentor_profiles" USING gin ("search_bio");--> statement-breakpoint
CREATE INDEX "mentor_profiles_browse_idx" ON "mentor_profiles" USING btree ("open_for_requests" DESC NULLS LAST,"follower_count" DESC NULLS LAST,"user_id") WHERE "mentor_profiles"."status" = 'active';--> statement-breakpoint
CREATE INDEX "mentor_profiles_followers_idx" ON "mentor_profiles" USING btree ("follower_count" DESC NULLS LAST,"user_id") WHERE "mentor_profiles"."status" = 'active';--> statement-breakpoint
CREATE INDEX "mentor_profiles_prefers_idx" ON "mentor_profiles" USING btree ("start_preference","open_for_requests" DESC NULLS LAST,"follower_count" DESC NULLS LAST,"user_id") WHERE "mentor_profiles"."status" = 'active';--> statement-breakpoint
-- The directory reads mentor_profiles alone: the member's name, handle, avatar and follower
-- count are copied here, and the long bio gets its own search vector so ranking (which reads
-- every matching vector) stays cheap; a bio match counts only as a small bonus.
CREATE OR REPLACE FUNCTION mentor_profiles_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  member record;
BEGIN
  SELECT display_name, handle, avatar_updated_at, follower_count INTO member FROM users WHERE id = NEW.user_id;
  NEW.display_name := coalesce(member.display_name, '');
  NEW.handle := coalesce(member.handle, '');
  NEW.avatar_updated_at := member.avatar_updated_at;
  NEW.follower_count := coalesce(member.follower_count, 0);
  NEW.search_name := NEW.display_name || ' ' || NEW.handle;
  NEW.search :=
    setweight(to_tsvector('english', NEW.display_name || ' ' || replace(NEW.handle, '_', ' ')), 'A') ||
    setweight(to_tsvector('english', replace(array_to_string(NEW.tags, ' '), '-', ' ')), 'A') ||
    setweight(to_tsvector('english', NEW.headline), 'B');
  NEW.search_bio := to_tsvector('english', NEW.bio);
  RETURN NEW;
END $$;--> statement-breakpoint
DROP TRIGGER users_refresh_mentor_search ON users;--> statement-breakpoint
CREATE TRIGGER users_refresh_mentor_search AFTER UPDATE OF display_name, handle, avatar_updated_at ON users
  FOR EACH ROW WHEN (
    OLD.display_name IS DISTINCT FROM NEW.display_name
    OR OLD.handle IS DISTINCT FROM NEW.handle
    OR OLD.avatar_updated_at IS DISTINCT FROM NEW.avatar_updated_at
  )
  EXECUTE FUNCTION users_refresh_mentor_search();--> statement-breakpoint
CREATE FUNCTION users_copy_follower_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE mentor_profiles SET follower_count = NEW.follower_count WHERE user_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_copy_follower_count AFTER UPDATE OF follower_count ON users
  FOR EACH ROW WHEN (OLD.follower_count IS DISTINCT FROM NEW.follower_count)
  EXECUTE FUNCTION users_copy_follower_count();--> statement-breakpoint
UPDATE mentor_profiles SET search_name = '';
