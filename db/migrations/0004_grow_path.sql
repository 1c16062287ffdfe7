CREATE TABLE "mentorship_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"mentorship_id" uuid,
	CONSTRAINT "mentorship_offers_not_self" CHECK ("mentorship_offers"."mentor_id" <> "mentorship_offers"."mentee_id"),
	CONSTRAINT "mentorship_offers_kind" CHECK ("mentorship_offers"."kind" in ('offer', 'proposal')),
	CONSTRAINT "mentorship_offers_status" CHECK ("mentorship_offers"."status" in ('pending', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "mentorship_offers_message_length" CHECK (char_length("mentorship_offers"."message") <= 1000),
	CONSTRAINT "mentorship_offers_answered" CHECK (("mentorship_offers"."status" = 'pending') = ("mentorship_offers"."answered_at" is null))
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"parent_id" uuid,
	"replies_to_id" uuid NOT NULL,
	"body" text NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "comments_body_length" CHECK (char_length("comments"."body") <= 10000 and ("comments"."deleted_at" is not null or char_length("comments"."body") >= 1)),
	CONSTRAINT "comments_depth" CHECK ("comments"."depth" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"body" text NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reading_minutes" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posts_title_length" CHECK (char_length("posts"."title") between 1 and 150),
	CONSTRAINT "posts_body_length" CHECK (char_length("posts"."body") between 1 and 50000),
	CONSTRAINT "posts_tags_count" CHECK (cardinality("posts"."tags") <= 4),
	CONSTRAINT "posts_status" CHECK ("posts"."status" in ('draft', 'published')),
	CONSTRAINT "posts_published" CHECK (("posts"."status" = 'published') = ("posts"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "reactions" (
	"user_id" uuid NOT NULL,
	"post_id" uuid,
	"comment_id" uuid,
	"target_author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reactions_one_target" CHECK (("reactions"."post_id" is null) <> ("reactions"."comment_id" is null)),
	CONSTRAINT "reactions_kind" CHECK ("reactions"."kind" in ('like', 'insightful', 'thanks', 'celebrate'))
);
--> statement-breakpoint
ALTER TABLE "mentorship_offers" ADD CONSTRAINT "mentorship_offers_mentor_id_mentor_profiles_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentor_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_offers" ADD CONSTRAINT "mentorship_offers_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_replies_to_id_users_id_fk" FOREIGN KEY ("replies_to_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reactions" ADD CONSTRAINT "reactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reactions" ADD CONSTRAINT "reactions_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reactions" ADD CONSTRAINT "reactions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reactions" ADD CONSTRAINT "reactions_target_author_id_users_id_fk" FOREIGN KEY ("target_author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_offers_one_pending_per_pair" ON "mentorship_offers" USING btree ("mentor_id","mentee_id") WHERE "mentorship_offers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "mentorship_offers_mentor_idx" ON "mentorship_offers" USING btree ("mentor_id","status");--> statement-breakpoint
CREATE INDEX "mentorship_offers_mentee_idx" ON "mentorship_offers" USING btree ("mentee_id","status");--> statement-breakpoint
CREATE INDEX "comments_post_idx" ON "comments" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "comments_pair_idx" ON "comments" USING btree ("author_id","replies_to_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_replies_to_idx" ON "comments" USING btree ("replies_to_id","author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "posts_slug_key" ON "posts" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "posts_published_idx" ON "posts" USING btree ("published_at" DESC NULLS LAST,"id") WHERE "posts"."status" = 'published';--> statement-breakpoint
CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id","published_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "posts_tags_idx" ON "posts" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "reactions_post_key" ON "reactions" USING btree ("user_id","post_id","kind") WHERE "reactions"."post_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reactions_comment_key" ON "reactions" USING btree ("user_id","comment_id","kind") WHERE "reactions"."comment_id" is not null;--> statement-breakpoint
CREATE INDEX "reactions_post_idx" ON "reactions" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "reactions_comment_idx" ON "reactions" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "reactions_pair_idx" ON "reactions" USING btree ("user_id","target_author_id");--> statement-breakpoint
CREATE INDEX "events_pair_idx" ON "events" USING btree (("data" ->> 'pair')) WHERE "events"."type" = 'rapport.grown';