ALTER TABLE "mentorships" ADD COLUMN "first_contact_at" timestamp with time zone;--> statement-breakpoint
-- Mentorships from before this column: the earliest thing known, the request or the start itself.
UPDATE "mentorships" m SET "first_contact_at" = least(m."started_at", coalesce((SELECT r."created_at" FROM "mentorship_requests" r WHERE r."id" = m."request_id"), m."started_at"));--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_first_contact" CHECK ("mentorships"."first_contact_at" <= "mentorships"."started_at");