CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "activation_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activation_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "enterprise_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file" "bytea" NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"total_rows" integer,
	"created_count" integer,
	"updated_count" integer,
	"unchanged_count" integer,
	"error_row_count" integer,
	"errors" jsonb,
	"error_file" "bytea",
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"legal_representative" text NOT NULL,
	"registered_address" text,
	"operating_address" text,
	"subdistrict_id" uuid NOT NULL,
	"industry_code" text NOT NULL,
	"scale" text NOT NULL,
	"employee_count" integer,
	"contact_name" text,
	"contact_phone" text,
	"safety_manager_name" text,
	"safety_manager_phone" text,
	"operating_status" text DEFAULT 'operating' NOT NULL,
	"park_id" uuid,
	"host_enterprise_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"subdistrict_id" uuid NOT NULL,
	"operator_enterprise_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_imports" ADD CONSTRAINT "enterprise_imports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_imports" ADD CONSTRAINT "enterprise_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_subdistrict_id_units_id_fk" FOREIGN KEY ("subdistrict_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_host_enterprise_id_enterprises_id_fk" FOREIGN KEY ("host_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_subdistrict_id_units_id_fk" FOREIGN KEY ("subdistrict_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_operator_enterprise_id_enterprises_id_fk" FOREIGN KEY ("operator_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_imports_creator" ON "enterprise_imports" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_jurisdiction_uscc" ON "enterprises" USING btree ("jurisdiction_id","uscc");--> statement-breakpoint
CREATE INDEX "enterprises_subdistrict" ON "enterprises" USING btree ("subdistrict_id");--> statement-breakpoint
CREATE INDEX "enterprises_industry" ON "enterprises" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "enterprises_park" ON "enterprises" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "enterprises_host" ON "enterprises" USING btree ("host_enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprises_name_trgm" ON "enterprises" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_uscc_trgm" ON "enterprises" USING gin ("uscc" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "parks_jurisdiction_name" ON "parks" USING btree ("jurisdiction_id","name");--> statement-breakpoint
CREATE INDEX "parks_subdistrict" ON "parks" USING btree ("subdistrict_id");