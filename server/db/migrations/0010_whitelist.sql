CREATE TABLE "annual_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"due_on" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"eligibility" jsonb,
	"note" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "collection_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"exit_id" uuid,
	"kind" text NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text,
	"note" text DEFAULT '' NOT NULL,
	"lifted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"content" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"source_hash" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"title" text NOT NULL,
	"number" text NOT NULL,
	"document_id" uuid NOT NULL,
	"verify_url" text NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	"ends_estimated" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "whitelist_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"uscc" text NOT NULL,
	"industry_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"eligibility" jsonb NOT NULL,
	"batch_id" uuid,
	"notice_id" uuid,
	"reason" text,
	"submitted_at" timestamp with time zone,
	"collected_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"uscc" text NOT NULL,
	"industry_code" text NOT NULL,
	"application_id" uuid NOT NULL,
	"number" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"plaque_document_id" uuid NOT NULL,
	"plaque_number" text NOT NULL,
	"plaque_verify_url" text NOT NULL,
	"suspended_reason" text,
	"exited_on" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whitelist_exits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"source_kind" text NOT NULL,
	"source_entity_type" text,
	"source_entity_id" text,
	"summary" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_document_id" uuid,
	"decision_number" text,
	"decision_verify_url" text
);
--> statement-breakpoint
CREATE TABLE "whitelist_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" text NOT NULL,
	"deadline_estimated" boolean DEFAULT false NOT NULL,
	"reason" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_entry_id_whitelist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."whitelist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_batches" ADD CONSTRAINT "collection_batches_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_batches" ADD CONSTRAINT "collection_batches_subdistrict_id_units_id_fk" FOREIGN KEY ("subdistrict_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_batches" ADD CONSTRAINT "collection_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_exit_id_whitelist_exits_id_fk" FOREIGN KEY ("exit_id") REFERENCES "public"."whitelist_exits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_whitelist_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."whitelist_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_applications" ADD CONSTRAINT "whitelist_applications_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_applications" ADD CONSTRAINT "whitelist_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_applications" ADD CONSTRAINT "whitelist_applications_batch_id_collection_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."collection_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_applications" ADD CONSTRAINT "whitelist_applications_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_applications" ADD CONSTRAINT "whitelist_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_entries" ADD CONSTRAINT "whitelist_entries_application_id_whitelist_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."whitelist_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_exits" ADD CONSTRAINT "whitelist_exits_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_exits" ADD CONSTRAINT "whitelist_exits_entry_id_whitelist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."whitelist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_exits" ADD CONSTRAINT "whitelist_exits_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_exits" ADD CONSTRAINT "whitelist_exits_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_opinions" ADD CONSTRAINT "whitelist_opinions_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_opinions" ADD CONSTRAINT "whitelist_opinions_application_id_whitelist_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."whitelist_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_opinions" ADD CONSTRAINT "whitelist_opinions_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitelist_opinions" ADD CONSTRAINT "whitelist_opinions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reviews_entry_due" ON "annual_reviews" USING btree ("entry_id","due_on");--> statement-breakpoint
CREATE INDEX "collection_batches_subdistrict" ON "collection_batches" USING btree ("subdistrict_id","created_at");--> statement-breakpoint
CREATE INDEX "measures_enterprise" ON "measures" USING btree ("enterprise_id","kind");--> statement-breakpoint
CREATE INDEX "objections_notice" ON "objections" USING btree ("notice_id","status");--> statement-breakpoint
CREATE INDEX "objections_source" ON "objections" USING btree ("source_hash","filed_at");--> statement-breakpoint
CREATE INDEX "public_notices_jurisdiction" ON "public_notices" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "whitelist_applications_status" ON "whitelist_applications" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "whitelist_applications_subdistrict" ON "whitelist_applications" USING btree ("subdistrict_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_applications_one_open" ON "whitelist_applications" USING btree ("enterprise_id") WHERE status in ('draft','returned','submitted','collected','formal_review','opinions','public_notice');--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_entries_number" ON "whitelist_entries" USING btree ("jurisdiction_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_entries_one_current" ON "whitelist_entries" USING btree ("enterprise_id") WHERE status in ('active','suspended');--> statement-breakpoint
CREATE INDEX "whitelist_entries_status" ON "whitelist_entries" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "whitelist_exits_status" ON "whitelist_exits" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_exits_source" ON "whitelist_exits" USING btree ("entry_id","source_kind","source_entity_id") WHERE source_entity_id is not null and status = 'proposed';--> statement-breakpoint
CREATE INDEX "whitelist_opinions_application" ON "whitelist_opinions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "whitelist_opinions_department" ON "whitelist_opinions" USING btree ("department_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "whitelist_opinions_one_current" ON "whitelist_opinions" USING btree ("application_id","department_id") WHERE status <> 'superseded';