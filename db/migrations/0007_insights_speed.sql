ALTER TABLE "mentorships" ADD COLUMN "message_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mentorships" ADD COLUMN "goal_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mentorships" ADD COLUMN "goals_done_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "events_grown_idx" ON "events" USING btree ("created_at") INCLUDE ("id", "data") WHERE "events"."type" = 'rapport.grown';--> statement-breakpoint
-- Counters kept with their rows, once per statement (a bulk insert updates each mentorship once).
CREATE FUNCTION mentorship_messages_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE mentorships m SET message_count = m.message_count + c.n
      FROM (SELECT mentorship_id, count(*)::int AS n FROM inserted GROUP BY 1) c WHERE m.id = c.mentorship_id;
  ELSE
    UPDATE mentorships m SET message_count = m.message_count - c.n
      FROM (SELECT mentorship_id, count(*)::int AS n FROM deleted GROUP BY 1) c WHERE m.id = c.mentorship_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER mentorship_messages_count_insert AFTER INSERT ON mentorship_messages REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION mentorship_messages_count();--> statement-breakpoint
CREATE TRIGGER mentorship_messages_count_delete AFTER DELETE ON mentorship_messages REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION mentorship_messages_count();--> statement-breakpoint
CREATE FUNCTION mentorship_goals_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE mentorships m SET goal_count = m.goal_count + c.n, goals_done_count = m.goals_done_count + c.done
      FROM (SELECT mentorship_id, count(*)::int AS n, (count(*) FILTER (WHERE done_at IS NOT NULL))::int AS done FROM inserted GROUP BY 1) c
      WHERE m.id = c.mentorship_id;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE mentorships m SET goal_count = m.goal_count - c.n, goals_done_count = m.goals_done_count - c.done
      FROM (SELECT mentorship_id, count(*)::int AS n, (count(*) FILTER (WHERE done_at IS NOT NULL))::int AS done FROM deleted GROUP BY 1) c
      WHERE m.id = c.mentorship_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER mentorship_goals_count_insert AFTER INSERT ON mentorship_goals REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION mentorship_goals_count();--> statement-breakpoint
CREATE TRIGGER mentorship_goals_count_update AFTER UPDATE ON mentorship_goals REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION mentorship_goals_count();--> statement-breakpoint
CREATE TRIGGER mentorship_goals_count_delete AFTER DELETE ON mentorship_goals REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION mentorship_goals_count();--> statement-breakpoint
UPDATE mentorships m SET
  message_count = (SELECT count(*) FROM mentorship_messages x WHERE x.mentorship_id = m.id),
  goal_count = (SELECT count(*) FROM mentorship_goals g WHERE g.mentorship_id = m.id),
  goals_done_count = (SELECT count(*) FROM mentorship_goals g WHERE g.mentorship_id = m.id AND g.done_at IS NOT NULL);