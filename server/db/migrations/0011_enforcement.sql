CREATE TABLE "advice_campaign_targets" (
	"campaign_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"uscc" text NOT NULL,
	"subdistrict_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advice_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"violation_type_id" uuid NOT NULL,
	"scope_type" text NOT NULL,
	"scope_value" text NOT NULL,
	"scope_label" text NOT NULL,
	"origin" text NOT NULL,
	"reason" text NOT NULL,
	"trigger_count" integer,
	"window_days" integer,
	"items" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"reply_by" text,
	"reply_by_estimated" boolean DEFAULT false NOT NULL,
	"target_count" integer DEFAULT 0 NOT NULL,
	"sent_count" integer DEFAULT 0 NOT NULL,
	"job_id" uuid,
	"decision_reason" text,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "advice_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"campaign_id" uuid,
	"violation_id" uuid,
	"department_id" uuid NOT NULL,
	"violation_type_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"number" text NOT NULL,
	"reason" text NOT NULL,
	"items" jsonb NOT NULL,
	"reply_by" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"reply" text,
	"replied_late" boolean DEFAULT false NOT NULL,
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"industry_code" text NOT NULL,
	"inspected_on" text NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"rectify_by" text,
	"notice_document_id" uuid,
	"notice_number" text,
	"officer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "violation_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"penalty_basis" text NOT NULL,
	"penalty_range" text NOT NULL,
	"advice_items" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "violations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"violation_type_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"industry_code" text NOT NULL,
	"description" text NOT NULL,
	"found_on" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rectified_at" timestamp with time zone,
	"letter_id" uuid
);
--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "pdf_sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "pdf_size" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "advice_campaign_targets" ADD CONSTRAINT "advice_campaign_targets_campaign_id_advice_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."advice_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_campaigns" ADD CONSTRAINT "advice_campaigns_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_campaigns" ADD CONSTRAINT "advice_campaigns_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_campaigns" ADD CONSTRAINT "advice_campaigns_violation_type_id_violation_types_id_fk" FOREIGN KEY ("violation_type_id") REFERENCES "public"."violation_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_campaigns" ADD CONSTRAINT "advice_campaigns_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_campaigns" ADD CONSTRAINT "advice_campaigns_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_letters" ADD CONSTRAINT "advice_letters_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_letters" ADD CONSTRAINT "advice_letters_campaign_id_advice_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."advice_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_letters" ADD CONSTRAINT "advice_letters_violation_type_id_violation_types_id_fk" FOREIGN KEY ("violation_type_id") REFERENCES "public"."violation_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_letters" ADD CONSTRAINT "advice_letters_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspections" ADD CONSTRAINT "enforcement_inspections_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspections" ADD CONSTRAINT "enforcement_inspections_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspections" ADD CONSTRAINT "enforcement_inspections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspections" ADD CONSTRAINT "enforcement_inspections_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_types" ADD CONSTRAINT "violation_types_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_inspection_id_enforcement_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."enforcement_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_violation_type_id_violation_types_id_fk" FOREIGN KEY ("violation_type_id") REFERENCES "public"."violation_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advice_campaign_targets_pk" ON "advice_campaign_targets" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_campaign_targets_enterprise" ON "advice_campaign_targets" USING btree ("campaign_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "advice_campaigns_status" ON "advice_campaigns" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_campaigns_one_live" ON "advice_campaigns" USING btree ("violation_type_id","scope_type","scope_value") WHERE status in ('proposed','sending','sent');--> statement-breakpoint
CREATE UNIQUE INDEX "advice_letters_campaign_enterprise" ON "advice_letters" USING btree ("campaign_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "advice_letters_enterprise" ON "advice_letters" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "advice_letters_status_deadline" ON "advice_letters" USING btree ("jurisdiction_id","status","reply_by");--> statement-breakpoint
CREATE INDEX "advice_letters_subdistrict" ON "advice_letters" USING btree ("subdistrict_id","status");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_enterprise" ON "enforcement_inspections" USING btree ("enterprise_id","inspected_on");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_department" ON "enforcement_inspections" USING btree ("department_id","inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "violation_types_code" ON "violation_types" USING btree ("jurisdiction_id","code");--> statement-breakpoint
CREATE INDEX "violations_type_industry" ON "violations" USING btree ("jurisdiction_id","violation_type_id","industry_code","found_on");--> statement-breakpoint
CREATE INDEX "violations_type_subdistrict" ON "violations" USING btree ("jurisdiction_id","violation_type_id","subdistrict_id","found_on");--> statement-breakpoint
CREATE INDEX "violations_enterprise" ON "violations" USING btree ("enterprise_id");