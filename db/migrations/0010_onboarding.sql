ALTER TABLE "users" ADD COLUMN "goal" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "interests" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "start_preference" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "onboarded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_goal" CHECK ("users"."goal" in ('find', 'mentor', 'both'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_start_preference" CHECK ("users"."start_preference" in ('ask', 'grow', 'either'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_interests_count" CHECK (cardinality("users"."interests") <= 10);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_languages_count" CHECK (cardinality("users"."languages") <= 10);--> statement-breakpoint
-- Members who joined before onboarding existed are not asked to go through it.
UPDATE "users" SET "onboarded_at" = "created_at";
