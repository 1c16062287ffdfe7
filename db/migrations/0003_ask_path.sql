CREATE TABLE "mentorship_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentorship_goals_title_length" CHECK (char_length("mentorship_goals"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "mentorship_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentorship_messages_body_length" CHECK (char_length("mentorship_messages"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "mentorship_ratings" (
	"mentorship_id" uuid NOT NULL,
	"rater_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentorship_ratings_mentorship_id_rater_id_pk" PRIMARY KEY("mentorship_id","rater_id"),
	CONSTRAINT "mentorship_ratings_rating" CHECK ("mentorship_ratings"."rating" between 1 and 5),
	CONSTRAINT "mentorship_ratings_comment_length" CHECK (char_length("mentorship_ratings"."comment") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "mentorship_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentee_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"message" text NOT NULL,
	"goals" text[] NOT NULL,
	"cadence" text NOT NULL,
	"length_weeks" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"decline_note" text,
	"warmth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"mentorship_id" uuid,
	CONSTRAINT "mentorship_requests_not_self" CHECK ("mentorship_requests"."mentee_id" <> "mentorship_requests"."mentor_id"),
	CONSTRAINT "mentorship_requests_message_length" CHECK (char_length("mentorship_requests"."message") between 50 and 2000),
	CONSTRAINT "mentorship_requests_goals_count" CHECK (cardinality("mentorship_requests"."goals") between 1 and 5),
	CONSTRAINT "mentorship_requests_cadence" CHECK ("mentorship_requests"."cadence" in ('weekly', 'fortnightly', 'monthly')),
	CONSTRAINT "mentorship_requests_length" CHECK ("mentorship_requests"."length_weeks" between 4 and 52),
	CONSTRAINT "mentorship_requests_status" CHECK ("mentorship_requests"."status" in ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
	CONSTRAINT "mentorship_requests_decline" CHECK (("mentorship_requests"."status" = 'declined') = ("mentorship_requests"."decline_reason" is not null) and "mentorship_requests"."decline_reason" in ('no_capacity', 'not_a_fit', 'prefer_to_grow', 'other')
        or "mentorship_requests"."decline_reason" is null and "mentorship_requests"."status" <> 'declined'),
	CONSTRAINT "mentorship_requests_answered" CHECK (("mentorship_requests"."status" = 'pending') = ("mentorship_requests"."answered_at" is null)),
	CONSTRAINT "mentorship_requests_accepted" CHECK (("mentorship_requests"."status" = 'accepted') = ("mentorship_requests"."mentorship_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"mentor_id" uuid,
	"mentee_id" uuid,
	"request_id" uuid,
	"mentorship_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentorships" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "mentorships" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "mentorships" ADD COLUMN "cadence" text;--> statement-breakpoint
ALTER TABLE "mentorships" ADD COLUMN "length_weeks" integer;--> statement-breakpoint
ALTER TABLE "mentorship_goals" ADD CONSTRAINT "mentorship_goals_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_messages" ADD CONSTRAINT "mentorship_messages_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_messages" ADD CONSTRAINT "mentorship_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_ratings" ADD CONSTRAINT "mentorship_ratings_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_ratings" ADD CONSTRAINT "mentorship_ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_requests" ADD CONSTRAINT "mentorship_requests_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_requests" ADD CONSTRAINT "mentorship_requests_mentor_id_mentor_profiles_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentor_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentorship_goals_mentorship_idx" ON "mentorship_goals" USING btree ("mentorship_id","position");--> statement-breakpoint
CREATE INDEX "mentorship_messages_thread_idx" ON "mentorship_messages" USING btree ("mentorship_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_requests_one_pending_per_pair" ON "mentorship_requests" USING btree ("mentee_id","mentor_id") WHERE "mentorship_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "mentorship_requests_mentor_idx" ON "mentorship_requests" USING btree ("mentor_id","status","created_at");--> statement-breakpoint
CREATE INDEX "mentorship_requests_mentee_idx" ON "mentorship_requests" USING btree ("mentee_id","status","created_at");--> statement-breakpoint
CREATE INDEX "mentorship_requests_expiry_idx" ON "mentorship_requests" USING btree ("expires_at") WHERE "mentorship_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "events_type_created_idx" ON "events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "events_mentorship_idx" ON "events" USING btree ("mentorship_id");--> statement-breakpoint
CREATE INDEX "events_request_idx" ON "events" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_request_key" ON "mentorships" USING btree ("request_id");--> statement-breakpoint
-- The event log is append-only: history is never edited or removed row by row. (Resetting
-- demo data truncates it, which row triggers do not see.)
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
