CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "mentorships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"warmth" text,
	"status" text DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "mentorships_not_self" CHECK ("mentorships"."mentor_id" <> "mentorships"."mentee_id"),
	CONSTRAINT "mentorships_origin" CHECK ("mentorships"."origin" in ('ask', 'grow')),
	CONSTRAINT "mentorships_warmth" CHECK (("mentorships"."origin" = 'ask') = ("mentorships"."warmth" is not null) and "mentorships"."warmth" in ('cold', 'warm') or "mentorships"."warmth" is null and "mentorships"."origin" = 'grow'),
	CONSTRAINT "mentorships_status" CHECK ("mentorships"."status" in ('active', 'completed', 'ended')),
	CONSTRAINT "mentorships_ended" CHECK (("mentorships"."status" = 'active') = ("mentorships"."ended_at" is null))
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"follower_id" uuid NOT NULL,
	"followee_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_follower_id_followee_id_pk" PRIMARY KEY("follower_id","followee_id"),
	CONSTRAINT "follows_not_self" CHECK ("follows"."follower_id" <> "follows"."followee_id")
);
--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "mentor_profiles" mp SET "tags" = coalesce((SELECT array_agg(t."slug" ORDER BY t."slug") FROM "mentor_tags" mt JOIN "tags" t ON t."id" = mt."tag_id" WHERE mt."user_id" = mp."user_id"), '{}');--> statement-breakpoint
DROP TABLE "mentor_tags" CASCADE;--> statement-breakpoint
ALTER TABLE "tags" DROP CONSTRAINT "tags_slug_format";--> statement-breakpoint
DROP INDEX "mentor_profiles_created_at_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "follower_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "active_mentee_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "search" "tsvector";--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentor_id_mentor_profiles_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentor_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_follower_id_users_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_followee_id_users_id_fk" FOREIGN KEY ("followee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_one_active_per_pair" ON "mentorships" USING btree ("mentor_id","mentee_id") WHERE "mentorships"."status" = 'active';--> statement-breakpoint
CREATE INDEX "mentorships_mentor_idx" ON "mentorships" USING btree ("mentor_id","status");--> statement-breakpoint
CREATE INDEX "mentorships_mentee_idx" ON "mentorships" USING btree ("mentee_id","status");--> statement-breakpoint
CREATE INDEX "follows_followee_idx" ON "follows" USING btree ("followee_id","created_at");--> statement-breakpoint
CREATE INDEX "users_follower_count_idx" ON "users" USING btree ("follower_count" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "mentor_profiles_search_idx" ON "mentor_profiles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "mentor_profiles_search_name_trgm_idx" ON "mentor_profiles" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "mentor_profiles_tags_idx" ON "mentor_profiles" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "mentor_profiles_languages_idx" ON "mentor_profiles" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "mentor_profiles_newest_idx" ON "mentor_profiles" USING btree ("created_at" DESC NULLS LAST,"user_id") WHERE "mentor_profiles"."status" = 'active';--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_within_capacity" CHECK ("mentor_profiles"."active_mentee_count" between 0 and "mentor_profiles"."capacity");--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_bio_length" CHECK (char_length("mentor_profiles"."bio") <= 5000);--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_tags_count" CHECK (cardinality("mentor_profiles"."tags") <= 10);--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_languages_count" CHECK (cardinality("mentor_profiles"."languages") between 1 and 10);--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_links_count" CHECK (cardinality("mentor_profiles"."links") <= 5);--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_slug_format" CHECK ("tags"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length("tags"."slug") <= 40);--> statement-breakpoint
-- The search document: name and tags weigh most (A), then the headline (B), then the bio (D),
-- so a tag match outranks a mention in a bio. Kept by the database so every write path agrees.
CREATE FUNCTION mentor_profiles_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  member record;
BEGIN
  SELECT display_name, handle INTO member FROM users WHERE id = NEW.user_id;
  NEW.search_name := coalesce(member.display_name, '') || ' ' || coalesce(member.handle, '');
  NEW.search :=
    setweight(to_tsvector('english', coalesce(member.display_name, '') || ' ' || replace(coalesce(member.handle, ''), '_', ' ')), 'A') ||
    setweight(to_tsvector('english', replace(array_to_string(NEW.tags, ' '), '-', ' ')), 'A') ||
    setweight(to_tsvector('english', NEW.headline), 'B') ||
    setweight(to_tsvector('english', NEW.bio), 'D');
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER mentor_profiles_search BEFORE INSERT OR UPDATE OF headline, bio, tags, search_name ON mentor_profiles
  FOR EACH ROW EXECUTE FUNCTION mentor_profiles_search();--> statement-breakpoint
CREATE FUNCTION users_refresh_mentor_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE mentor_profiles SET search_name = '' WHERE user_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_refresh_mentor_search AFTER UPDATE OF display_name, handle ON users
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.handle IS DISTINCT FROM NEW.handle)
  EXECUTE FUNCTION users_refresh_mentor_search();--> statement-breakpoint
UPDATE mentor_profiles SET search_name = '';--> statement-breakpoint
-- Follower counts move with the follows, in the same statement (set-based, for bulk inserts).
CREATE FUNCTION follows_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users u SET follower_count = u.follower_count + c.n
  FROM (SELECT followee_id, count(*)::int AS n FROM inserted GROUP BY followee_id) c
  WHERE u.id = c.followee_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER follows_count_insert AFTER INSERT ON follows REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION follows_count_insert();--> statement-breakpoint
CREATE FUNCTION follows_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users u SET follower_count = u.follower_count - c.n
  FROM (SELECT followee_id, count(*)::int AS n FROM deleted GROUP BY followee_id) c
  WHERE u.id = c.followee_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER follows_count_delete AFTER DELETE ON follows REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION follows_count_delete();--> statement-breakpoint
-- Active mentees per mentor. The row update takes the mentor's row lock and the
-- mentor_profiles_within_capacity check refuses the one mentorship too many, however many
-- accepts race.
CREATE FUNCTION mentorships_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
    UPDATE mentor_profiles SET active_mentee_count = active_mentee_count - 1 WHERE user_id = OLD.mentor_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'active' THEN
    UPDATE mentor_profiles SET active_mentee_count = active_mentee_count + 1 WHERE user_id = NEW.mentor_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER mentorships_count AFTER INSERT OR UPDATE OF status, mentor_id OR DELETE ON mentorships
  FOR EACH ROW EXECUTE FUNCTION mentorships_count();
