CREATE TABLE "document_number_counters" (
	"jurisdiction_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_number_counters_jurisdiction_id_kind_year_pk" PRIMARY KEY("jurisdiction_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"holder_type" text NOT NULL,
	"holder_id" text,
	"holder_name" text NOT NULL,
	"enterprise_id" uuid,
	"subdistrict_id" uuid,
	"subject_type" text,
	"subject_id" text,
	"data" jsonb NOT NULL,
	"template_version" integer NOT NULL,
	"issuer_name" text NOT NULL,
	"verification_code" text NOT NULL,
	"verify_url" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"pdf_size" integer NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"valid_until" timestamp with time zone,
	"supersedes_id" uuid,
	"superseded_by_id" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issuing_event_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_sha256" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"label" text,
	"original_name" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"original_name" text NOT NULL,
	"thumbnail_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_number_counters" ADD CONSTRAINT "document_number_counters_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_supersedes_id_documents_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_superseded_by_id_documents_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_links" ADD CONSTRAINT "file_links_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_links" ADD CONSTRAINT "file_links_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_links" ADD CONSTRAINT "file_links_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_unique" ON "documents" USING btree ("jurisdiction_id","kind","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_verification_code" ON "documents" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "documents_holder" ON "documents" USING btree ("holder_type","holder_id");--> statement-breakpoint
CREATE INDEX "documents_enterprise" ON "documents" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "documents_subject" ON "documents" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "documents_jurisdiction_kind_issued" ON "documents" USING btree ("jurisdiction_id","kind","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "file_links_unique" ON "file_links" USING btree ("file_sha256","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "file_links_entity" ON "file_links" USING btree ("entity_type","entity_id");