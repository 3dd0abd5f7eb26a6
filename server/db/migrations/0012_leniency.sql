ALTER TABLE "violation_types" ADD COLUMN "leniency_list" text;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "harm" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "self_reported_hazard_id" uuid;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "decision_status" text DEFAULT 'undecided' NOT NULL;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "decision" jsonb;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "violations" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;