CREATE TYPE "public"."item_type" AS ENUM('VIDEO', 'DOC', 'FORM');--> statement-breakpoint
CREATE TYPE "public"."question_type" AS ENUM('ESSAY', 'TRUE_OR_FALSE', 'SINGLE_CHOICE');--> statement-breakpoint
CREATE TYPE "public"."roles_enum" AS ENUM('Admin', 'User', 'Manager');--> statement-breakpoint
CREATE TYPE "public"."sex_type" AS ENUM('M', 'F', 'O', 'N');--> statement-breakpoint
CREATE SEQUENCE "public"."videos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "form_answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" bigint,
	"question_id" bigint,
	"selected_option_id" bigint,
	"answer_text" text,
	"is_correct" boolean,
	"is_correct_yn" char(1),
	"points_awarded" numeric(6, 2),
	CONSTRAINT "form_answers_unique" UNIQUE("submission_id","question_id"),
	CONSTRAINT "ck_fa_correct" CHECK ("form_answers"."is_correct_yn" IS NULL OR "form_answers"."is_correct_yn" IN ('Y', 'N'))
);
--> statement-breakpoint
CREATE TABLE "form_question" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"form_id" bigint,
	"prompt" text,
	"question_type_id" integer,
	"required" boolean,
	"required_yn" char(1),
	"order_index" integer DEFAULT 0 NOT NULL,
	"points" numeric(6, 2) DEFAULT 1 NOT NULL,
	CONSTRAINT "form_question_order_unique" UNIQUE("form_id","order_index"),
	CONSTRAINT "ck_fq_required" CHECK ("form_question"."required_yn" IN ('Y', 'N'))
);
--> statement-breakpoint
CREATE TABLE "form_question_options" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"question_id" bigint,
	"option_text" text,
	"is_correct" boolean,
	"is_correct_yn" char(1),
	"order_index" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ck_fqo_correct" CHECK ("form_question_options"."is_correct_yn" IN ('Y', 'N'))
);
--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"form_id" bigint,
	"user_id" bigint,
	"submitted_at" timestamp with time zone,
	"submitted_at_utc" timestamp,
	"score" numeric(6, 2) DEFAULT 0 NOT NULL,
	"passed" boolean,
	"passed_yn" char(1),
	"duration_seconds" integer,
	CONSTRAINT "ck_fs_passed" CHECK ("form_submissions"."passed_yn" IN ('Y', 'N'))
);
--> statement-breakpoint
CREATE TABLE "forms" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trail_item_id" bigint,
	"title" text,
	"description" text,
	"min_score_to_pass" numeric(5, 2) DEFAULT 70 NOT NULL,
	"randomize_questions" boolean,
	"randomize_questions_yn" char(1),
	CONSTRAINT "forms_trail_item_uk" UNIQUE("trail_item_id"),
	CONSTRAINT "ck_forms_random" CHECK ("forms"."randomize_questions_yn" IN ('S', 'N'))
);
--> statement-breakpoint
CREATE TABLE "lk_color" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(8) NOT NULL,
	CONSTRAINT "lk_color_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "lk_enrollment_status" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lk_enrollment_status_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(32) NOT NULL,
	CONSTRAINT "lk_enrollment_status_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "lk_item_type" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lk_item_type_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(32) NOT NULL,
	CONSTRAINT "lk_item_type_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "lk_progress_status" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lk_progress_status_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(32) NOT NULL,
	CONSTRAINT "lk_progress_status_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "lk_question_type" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lk_question_type_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(32) NOT NULL,
	CONSTRAINT "lk_question_type_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "lk_role" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lk_role_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(32) NOT NULL,
	CONSTRAINT "lk_role_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "lk_sex" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lk_sex_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(8) NOT NULL,
	CONSTRAINT "lk_sex_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "trail_certificates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"trail_id" bigint NOT NULL,
	"certificate_hash" varchar(64) NOT NULL,
	"credential_id" varchar(64) NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_at_utc" timestamp NOT NULL,
	CONSTRAINT "trail_certificates_certificate_hash_key" UNIQUE("certificate_hash"),
	CONSTRAINT "trail_certificates_credential_id_key" UNIQUE("credential_id"),
	CONSTRAINT "uq_trail_certificates_user_trail" UNIQUE("user_id","trail_id")
);
--> statement-breakpoint
CREATE TABLE "user_item_progress" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint,
	"trail_item_id" bigint,
	"status_id" integer,
	"progress_value" integer,
	"last_interaction" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"last_interaction_utc" timestamp,
	"completed_at_utc" timestamp,
	"last_passed_submission_id" bigint,
	CONSTRAINT "user_item_progress_unique" UNIQUE("user_id","trail_item_id")
);
--> statement-breakpoint
CREATE TABLE "user_trails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint,
	"trail_id" bigint,
	"status_id" integer,
	"progress_percent" numeric(5, 2) DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"started_at_utc" timestamp,
	"completed_at_utc" timestamp,
	"review_rating" smallint,
	"review_comment" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "user_trails_unique" UNIQUE("user_id","trail_id"),
	CONSTRAINT "ck_ut_progress" CHECK ("user_trails"."progress_percent" >= 0.00 AND "user_trails"."progress_percent" <= 100.00),
	CONSTRAINT "ck_ut_review_rating" CHECK ("user_trails"."review_rating" IS NULL OR ("user_trails"."review_rating" >= 1 AND "user_trails"."review_rating" <= 5))
);
--> statement-breakpoint
CREATE TABLE "trail_included_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trail_id" bigint NOT NULL,
	"text_val" varchar(500) NOT NULL,
	"ord" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trail_items" (
	"id" bigint PRIMARY KEY DEFAULT nextval('videos_id_seq'::regclass) NOT NULL,
	"url" text NOT NULL,
	"order_index" integer DEFAULT 0,
	"trail_id" bigint NOT NULL,
	"type" "item_type" NOT NULL,
	"title" text,
	"duration_seconds" integer,
	"item_type_id" integer,
	"section_id" bigint,
	"requires_completion" boolean,
	"requires_completion_yn" varchar(1),
	CONSTRAINT "videos_unique" UNIQUE("url"),
	CONSTRAINT "ck_trail_items_order_nonneg" CHECK ("trail_items"."order_index" >= 0)
);
--> statement-breakpoint
CREATE TABLE "trail_requirements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trail_id" bigint NOT NULL,
	"text_val" varchar(500) NOT NULL,
	"ord" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trail_sections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trail_id" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"order_index" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "uq_trail_sections_trail_order" UNIQUE("trail_id","order_index"),
	CONSTRAINT "ck_trail_sections_order_nonneg" CHECK ("trail_sections"."order_index" >= 0)
);
--> statement-breakpoint
CREATE TABLE "trail_target_audience" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trail_id" bigint NOT NULL,
	"text_val" varchar(500) NOT NULL,
	"ord" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"thumbnail_url" text NOT NULL,
	"name" text NOT NULL,
	"review" numeric,
	"review_count" integer,
	"created_date" date,
	"created_by" bigint,
	"author" text,
	"description" text,
	"requirements" text[],
	"target_audience" text[],
	"included_items" text[]
);
--> statement-breakpoint
CREATE TABLE "users" (
	"user_id" bigserial PRIMARY KEY NOT NULL,
	"sex" "sex_type",
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone,
	"email" varchar NOT NULL,
	"birthday" date NOT NULL,
	"name_for_certificate" text NOT NULL,
	"username" text,
	"social_name" varchar,
	"role" "roles_enum" DEFAULT 'User' NOT NULL,
	"profile_pic_url" text,
	"banner_pic_url" text,
	"role_id" integer,
	"sex_id" integer,
	"created_at_utc" timestamp,
	"color_id" integer NOT NULL,
	CONSTRAINT "users_email_key" UNIQUE("email"),
	CONSTRAINT "users_username_key" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "form_answers" ADD CONSTRAINT "form_answers_submission_id_form_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."form_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_answers" ADD CONSTRAINT "form_answers_question_id_form_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."form_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_answers" ADD CONSTRAINT "form_answers_selected_option_id_form_question_options_id_fk" FOREIGN KEY ("selected_option_id") REFERENCES "public"."form_question_options"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_question" ADD CONSTRAINT "form_question_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_question" ADD CONSTRAINT "form_question_question_type_id_lk_question_type_id_fk" FOREIGN KEY ("question_type_id") REFERENCES "public"."lk_question_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_question_options" ADD CONSTRAINT "form_question_options_question_id_form_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."form_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_user_id_users_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_trail_item_id_trail_items_id_fk" FOREIGN KEY ("trail_item_id") REFERENCES "public"."trail_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_certificates" ADD CONSTRAINT "trail_certificates_user_id_users_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_certificates" ADD CONSTRAINT "trail_certificates_trail_id_trails_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."trails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_item_progress" ADD CONSTRAINT "user_item_progress_user_id_users_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_item_progress" ADD CONSTRAINT "user_item_progress_trail_item_id_trail_items_id_fk" FOREIGN KEY ("trail_item_id") REFERENCES "public"."trail_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_item_progress" ADD CONSTRAINT "user_item_progress_status_id_lk_progress_status_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."lk_progress_status"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_trails" ADD CONSTRAINT "user_trails_user_id_users_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_trails" ADD CONSTRAINT "user_trails_trail_id_trails_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."trails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_trails" ADD CONSTRAINT "user_trails_status_id_lk_enrollment_status_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."lk_enrollment_status"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_included_items" ADD CONSTRAINT "trail_included_items_trail_id_trails_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."trails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_items" ADD CONSTRAINT "trail_items_trail_id_trails_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."trails"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "trail_items" ADD CONSTRAINT "trail_items_item_type_id_lk_item_type_id_fk" FOREIGN KEY ("item_type_id") REFERENCES "public"."lk_item_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_items" ADD CONSTRAINT "trail_items_section_id_trail_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."trail_sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_requirements" ADD CONSTRAINT "trail_requirements_trail_id_trails_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."trails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_sections" ADD CONSTRAINT "trail_sections_trail_id_trails_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."trails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trail_target_audience" ADD CONSTRAINT "trail_target_audience_trail_id_trails_id_fk" FOREIGN KEY ("trail_id") REFERENCES "public"."trails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trails" ADD CONSTRAINT "trails_created_by_users_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("user_id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_id_lk_role_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."lk_role"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sex_id_lk_sex_id_fk" FOREIGN KEY ("sex_id") REFERENCES "public"."lk_sex"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_color_id_lk_color_id_fk" FOREIGN KEY ("color_id") REFERENCES "public"."lk_color"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fa_submission_idx" ON "form_answers" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "fa_question_idx" ON "form_answers" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "idx_form_question_form" ON "form_question" USING btree ("form_id");--> statement-breakpoint
CREATE INDEX "idx_fqo_question" ON "form_question_options" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "idx_fs_form" ON "form_submissions" USING btree ("form_id");--> statement-breakpoint
CREATE INDEX "idx_fs_user" ON "form_submissions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_forms_trail_item" ON "forms" USING btree ("trail_item_id");--> statement-breakpoint
CREATE INDEX "idx_trail_certificates_user" ON "trail_certificates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_trail_certificates_trail" ON "trail_certificates" USING btree ("trail_id");--> statement-breakpoint
CREATE INDEX "idx_uip_user" ON "user_item_progress" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_uip_item" ON "user_item_progress" USING btree ("trail_item_id");--> statement-breakpoint
CREATE INDEX "idx_user_item_progress_user_trail" ON "user_item_progress" USING btree ("user_id","trail_item_id");--> statement-breakpoint
CREATE INDEX "idx_user_item_progress_status" ON "user_item_progress" USING btree ("status_id");--> statement-breakpoint
CREATE INDEX "idx_user_trails_user" ON "user_trails" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_user_trails_trail" ON "user_trails" USING btree ("trail_id");--> statement-breakpoint
CREATE INDEX "idx_user_trails_user_status" ON "user_trails" USING btree ("user_id","status_id");--> statement-breakpoint
CREATE INDEX "idx_trail_included_items_trail" ON "trail_included_items" USING btree ("trail_id","ord");--> statement-breakpoint
CREATE INDEX "idx_trail_items_trail_id" ON "trail_items" USING btree ("trail_id");--> statement-breakpoint
CREATE INDEX "idx_trail_items_section" ON "trail_items" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "idx_trail_items_type" ON "trail_items" USING btree ("item_type_id");--> statement-breakpoint
CREATE INDEX "idx_trail_items_trail_order" ON "trail_items" USING btree ("trail_id","order_index");--> statement-breakpoint
CREATE INDEX "idx_trail_items_trail_section_order" ON "trail_items" USING btree ("trail_id","section_id","order_index");--> statement-breakpoint
CREATE UNIQUE INDEX "trail_items_section_order_unique" ON "trail_items" USING btree ("section_id","order_index") WHERE section_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "trail_items_trail_order_legacy_unique" ON "trail_items" USING btree ("trail_id","order_index") WHERE section_id IS NULL;--> statement-breakpoint
CREATE INDEX "idx_trail_requirements_trail" ON "trail_requirements" USING btree ("trail_id","ord");--> statement-breakpoint
CREATE INDEX "idx_trail_sections_trail" ON "trail_sections" USING btree ("trail_id");--> statement-breakpoint
CREATE INDEX "idx_trail_sections_trail_order" ON "trail_sections" USING btree ("trail_id","order_index");--> statement-breakpoint
CREATE INDEX "idx_trail_target_audience_trail" ON "trail_target_audience" USING btree ("trail_id","ord");--> statement-breakpoint
CREATE INDEX "idx_trails_created_date" ON "trails" USING btree ("created_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_trails_name" ON "trails" USING btree ("name");