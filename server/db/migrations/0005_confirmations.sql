CREATE TABLE "engineers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"certificate_number" text NOT NULL,
	"level" text NOT NULL,
	"speciality" text DEFAULT '' NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text NOT NULL,
	"user_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "confirmation_items" (
	"confirmation_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"position" integer NOT NULL,
	"module" text NOT NULL,
	"requirement" text NOT NULL,
	"result" text,
	"note" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "confirmation_items_confirmation_id_item_code_pk" PRIMARY KEY("confirmation_id","item_code")
);
--> statement-breakpoint
CREATE TABLE "confirmation_signatures" (
	"confirmation_id" uuid NOT NULL,
	"engineer_id" uuid NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_on" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "confirmation_signatures_confirmation_id_engineer_id_pk" PRIMARY KEY("confirmation_id","engineer_id")
);
--> statement-breakpoint
CREATE TABLE "confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"standard_id" uuid NOT NULL,
	"standard_version_id" uuid NOT NULL,
	"standard_title" text NOT NULL,
	"version_number" text NOT NULL,
	"key_items_hash" text NOT NULL,
	"site_visit_date" text,
	"conclusion" text,
	"conclusion_note" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"valid_until" text,
	"document_id" uuid,
	"document_number" text,
	"false_confirmation" boolean DEFAULT false NOT NULL,
	"revoked_reason" text,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engineers" ADD CONSTRAINT "engineers_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineers" ADD CONSTRAINT "engineers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineers" ADD CONSTRAINT "engineers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engineers" ADD CONSTRAINT "engineers_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_items" ADD CONSTRAINT "confirmation_items_confirmation_id_confirmations_id_fk" FOREIGN KEY ("confirmation_id") REFERENCES "public"."confirmations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_signatures" ADD CONSTRAINT "confirmation_signatures_confirmation_id_confirmations_id_fk" FOREIGN KEY ("confirmation_id") REFERENCES "public"."confirmations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_signatures" ADD CONSTRAINT "confirmation_signatures_engineer_id_engineers_id_fk" FOREIGN KEY ("engineer_id") REFERENCES "public"."engineers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_signatures" ADD CONSTRAINT "confirmation_signatures_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "engineers_certificate" ON "engineers" USING btree ("jurisdiction_id","certificate_number");--> statement-breakpoint
CREATE INDEX "engineers_agency" ON "engineers" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "confirmations_enterprise" ON "confirmations" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "confirmations_agency" ON "confirmations" USING btree ("agency_id","status");