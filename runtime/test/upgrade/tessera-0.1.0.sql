--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: app_crm; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_crm;


--
-- Name: tessera; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA tessera;


--
-- Name: tessera_jobs; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA tessera_jobs;


--
-- Name: job_state; Type: TYPE; Schema: tessera_jobs; Owner: -
--

CREATE TYPE tessera_jobs.job_state AS ENUM (
    'created',
    'retry',
    'active',
    'completed',
    'cancelled',
    'failed'
);


--
-- Name: audit_context(text, text, text); Type: FUNCTION; Schema: tessera; Owner: -
--

CREATE FUNCTION tessera.audit_context(actor text, request text, action text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
   begin
     perform set_config('tessera.actor_id', coalesce(actor, ''), true), set_config('tessera.request_id', coalesce(request, ''), true),
             set_config('tessera.audit_action', coalesce(action, ''), true);
     return 1;
   end $$;


--
-- Name: audit_log_is_append_only(); Type: FUNCTION; Schema: tessera; Owner: -
--

CREATE FUNCTION tessera.audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
   begin
     raise exception 'tessera.audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
   end $$;


--
-- Name: audit_record_change(); Type: FUNCTION; Schema: tessera; Owner: -
--

CREATE FUNCTION tessera.audit_record_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
   declare
     old_j jsonb := case when tg_op = 'INSERT' then null else to_jsonb(old) end;
     new_j jsonb := case when tg_op = 'DELETE' then null else to_jsonb(new) end;
     act text := case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end;
     diff jsonb;
   begin
     select coalesce(jsonb_agg(jsonb_build_object('field', k, 'old', coalesce(old_j -> k, 'null'), 'new', coalesce(new_j -> k, 'null')) order by k), '[]')
       into diff
       from jsonb_object_keys(coalesce(new_j, old_j)) as k
      where k not in ('id', 'version', 'created_at', 'updated_at')
        and coalesce(old_j -> k, 'null') is distinct from coalesce(new_j -> k, 'null');
     if tg_op = 'UPDATE' then
       if diff = '[]' then return null; end if;
       if (old_j ->> 'deleted_at') is null and (new_j ->> 'deleted_at') is not null then act := 'delete';
       elsif (old_j ->> 'deleted_at') is not null and (new_j ->> 'deleted_at') is null then act := 'restore';
       end if;
       act := coalesce(nullif(current_setting('tessera.audit_action', true), ''), act);
     end if;
     insert into tessera.audit_log (actor_id, request_id, action, entity, record_id, changes)
     values (nullif(current_setting('tessera.actor_id', true), '')::uuid, nullif(current_setting('tessera.request_id', true), ''),
             act, tg_argv[0], coalesce(new_j ->> 'id', old_j ->> 'id')::uuid, diff);
     return null;
   end $$;


--
-- Name: department_members_on_tree(); Type: FUNCTION; Schema: tessera; Owner: -
--

CREATE FUNCTION tessera.department_members_on_tree() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
  begin
    perform tessera.rebuild_department_members();
    return null;
  end $$;


--
-- Name: department_members_on_users(); Type: FUNCTION; Schema: tessera; Owner: -
--

CREATE FUNCTION tessera.department_members_on_users() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
  begin
    if tg_op = 'INSERT' then
      perform pg_advisory_xact_lock(hashtext('tessera:department_members'));
      insert into tessera.department_members (department_id, user_id) with recursive up(user_id, department_id) as (select u.id, u.department_id from (select c.id, c.department_id from changed c) u where u.department_id is not null union select up.user_id, d.parent_id from up join tessera.departments d on d.id = up.department_id where d.parent_id is not null) select department_id, user_id from up order by department_id, user_id;
      return null;
    end if;
    -- Most user updates (sign-in bookkeeping, names) move no one: no lock, no writes.
    if not exists (select n.id, n.department_id from changed n join old_users o on o.id = n.id where o.department_id is distinct from n.department_id) then return null; end if;
    perform pg_advisory_xact_lock(hashtext('tessera:department_members'));
    delete from tessera.department_members where user_id in (select id from (select n.id, n.department_id from changed n join old_users o on o.id = n.id where o.department_id is distinct from n.department_id) m);
    insert into tessera.department_members (department_id, user_id) with recursive up(user_id, department_id) as (select u.id, u.department_id from (select n.id, n.department_id from changed n join old_users o on o.id = n.id where o.department_id is distinct from n.department_id) u where u.department_id is not null union select up.user_id, d.parent_id from up join tessera.departments d on d.id = up.department_id where d.parent_id is not null) select department_id, user_id from up order by department_id, user_id;
    return null;
  end $$;


--
-- Name: rebuild_department_members(); Type: FUNCTION; Schema: tessera; Owner: -
--

CREATE FUNCTION tessera.rebuild_department_members() RETURNS void
    LANGUAGE plpgsql
    AS $$
  begin
    perform pg_advisory_xact_lock(hashtext('tessera:department_members'));
    delete from tessera.department_members;
    insert into tessera.department_members (department_id, user_id) with recursive up(user_id, department_id) as (select u.id, u.department_id from (select id, department_id from tessera.users) u where u.department_id is not null union select up.user_id, d.parent_id from up join tessera.departments d on d.id = up.department_id where d.parent_id is not null) select department_id, user_id from up order by department_id, user_id;
  end $$;


--
-- Name: create_queue(text, json); Type: FUNCTION; Schema: tessera_jobs; Owner: -
--

CREATE FUNCTION tessera_jobs.create_queue(queue_name text, options json) RETURNS void
    LANGUAGE plpgsql
    AS $_$
    DECLARE
      table_name varchar := 'j' || encode(sha224(queue_name::bytea), 'hex');
      queue_created_on timestamptz;
    BEGIN

      WITH q as (
      INSERT INTO tessera_jobs.queue (
        name,
        policy,
        retry_limit,
        retry_delay,
        retry_backoff,
        expire_seconds,
        retention_minutes,
        dead_letter,
        partition_name
      )
      VALUES (
        queue_name,
        options->>'policy',
        (options->>'retryLimit')::int,
        (options->>'retryDelay')::int,
        (options->>'retryBackoff')::bool,
        (options->>'expireInSeconds')::int,
        (options->>'retentionMinutes')::int,
        options->>'deadLetter',
        table_name
      )
      ON CONFLICT DO NOTHING
      RETURNING created_on
      )
      SELECT created_on into queue_created_on from q;

      IF queue_created_on IS NULL THEN
        RETURN;
      END IF;

      EXECUTE format('CREATE TABLE tessera_jobs.%I (LIKE tessera_jobs.job INCLUDING DEFAULTS)', table_name);

      EXECUTE format('ALTER TABLE tessera_jobs.%1$I ADD PRIMARY KEY (name, id)', table_name);
      EXECUTE format('ALTER TABLE tessera_jobs.%1$I ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
      EXECUTE format('ALTER TABLE tessera_jobs.%1$I ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i1 ON tessera_jobs.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''created'' AND policy = ''short''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i2 ON tessera_jobs.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''active'' AND policy = ''singleton''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i3 ON tessera_jobs.%1$I (name, state, COALESCE(singleton_key, '''')) WHERE state <= ''active'' AND policy = ''stately''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i4 ON tessera_jobs.%1$I (name, singleton_on, COALESCE(singleton_key, '''')) WHERE state <> ''cancelled'' AND singleton_on IS NOT NULL', table_name);
      EXECUTE format('CREATE INDEX %1$s_i5 ON tessera_jobs.%1$I (name, start_after) INCLUDE (priority, created_on, id) WHERE state < ''active''', table_name);

      EXECUTE format('ALTER TABLE tessera_jobs.%I ADD CONSTRAINT cjc CHECK (name=%L)', table_name, queue_name);
      EXECUTE format('ALTER TABLE tessera_jobs.job ATTACH PARTITION tessera_jobs.%I FOR VALUES IN (%L)', table_name, queue_name);
    END;
    $_$;


--
-- Name: delete_queue(text); Type: FUNCTION; Schema: tessera_jobs; Owner: -
--

CREATE FUNCTION tessera_jobs.delete_queue(queue_name text) RETURNS void
    LANGUAGE plpgsql
    AS $$
    DECLARE
      table_name varchar;
    BEGIN
      WITH deleted as (
        DELETE FROM tessera_jobs.queue
        WHERE name = queue_name
        RETURNING partition_name
      )
      SELECT partition_name from deleted INTO table_name;

      EXECUTE format('DROP TABLE IF EXISTS tessera_jobs.%I', table_name);
    END;
    $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: bid; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.bid (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(200),
    tender_no character varying(50),
    customer uuid,
    opportunity uuid,
    budget numeric(18,2),
    bid_amount numeric(18,2),
    deadline timestamp with time zone,
    opening_at timestamp with time zone,
    status text,
    notes text
);


--
-- Name: contact; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.contact (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(100),
    customer uuid,
    title character varying(100),
    phone character varying(32),
    email text,
    birthday date,
    is_primary boolean,
    last_contacted_at timestamp with time zone,
    notes text
);


--
-- Name: contract; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.contract (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(200),
    contract_no character varying(50),
    customer uuid,
    opportunity uuid,
    amount numeric(18,2),
    signed_at date,
    end_date date,
    status text
);


--
-- Name: customer; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.customer (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(200),
    industry text,
    level text,
    region text,
    address_region character varying(12),
    phone character varying(32),
    email text,
    annual_revenue numeric(18,2),
    credit_rating text,
    satisfaction smallint,
    lifecycle text
);


--
-- Name: follow_up; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.follow_up (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    subject character varying(200),
    method text,
    customer uuid,
    contact uuid,
    lead uuid,
    opportunity uuid,
    occurred_at timestamp with time zone,
    next_contact_at timestamp with time zone,
    content text
);


--
-- Name: lead; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.lead (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(100),
    company character varying(200),
    phone character varying(32),
    email text,
    source text,
    industry text,
    region text,
    score numeric(18,0),
    status text,
    disqualify_reason text,
    converted_customer uuid
);


--
-- Name: opportunity; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.opportunity (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(200),
    customer uuid,
    lead uuid,
    amount numeric(18,2),
    stage text,
    probability numeric(3,0),
    expected_close date,
    lost_reason text
);


--
-- Name: order; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm."order" (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    order_no character varying(50),
    contract uuid,
    customer uuid,
    amount numeric(18,2),
    ordered_at date,
    status text
);


--
-- Name: payment_plan; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.payment_plan (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(200),
    contract uuid,
    customer uuid,
    installment numeric(18,0),
    due_date date,
    amount numeric(18,2),
    received_amount numeric(18,2),
    received_at date,
    status text
);


--
-- Name: quote; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.quote (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(200),
    customer uuid,
    currency_code text,
    amount numeric(18,2),
    discount numeric(5,2),
    status text
);


--
-- Name: sales_target; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.sales_target (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    name character varying(200),
    assignee uuid,
    year numeric(18,0),
    month numeric(18,0),
    amount numeric(18,2),
    achieved_amount numeric(18,2)
);


--
-- Name: survey; Type: TABLE; Schema: app_crm; Owner: -
--

CREATE TABLE app_crm.survey (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    owner uuid,
    version integer DEFAULT 1 NOT NULL,
    title character varying(200),
    customer uuid,
    contact uuid,
    score smallint,
    channel text,
    surveyed_at timestamp with time zone,
    comment text
);


--
-- Name: api_tokens; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.api_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    scopes text[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);


--
-- Name: approval_delegations; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.approval_delegations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    delegate_id uuid NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT approval_delegations_check CHECK ((ends_at > starts_at)),
    CONSTRAINT approval_delegations_check1 CHECK ((user_id <> delegate_id))
);


--
-- Name: approval_instances; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.approval_instances (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    entity text NOT NULL,
    record_id uuid NOT NULL,
    workflow text NOT NULL,
    workflow_version integer NOT NULL,
    app_version integer NOT NULL,
    state_name text NOT NULL,
    definition jsonb NOT NULL,
    state jsonb NOT NULL,
    status text NOT NULL,
    submitter uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: approval_tasks; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.approval_tasks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    instance_id uuid NOT NULL,
    task_key text NOT NULL,
    step text NOT NULL,
    round integer NOT NULL,
    assignee uuid NOT NULL,
    status text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    acted_at timestamp with time zone,
    comment text,
    delegated_from uuid
);


--
-- Name: audit_log; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor_id uuid,
    request_id text,
    action text NOT NULL,
    entity text,
    record_id uuid,
    changes jsonb DEFAULT '[]'::jsonb NOT NULL,
    meta jsonb DEFAULT '{}'::jsonb NOT NULL
);


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: tessera; Owner: -
--

CREATE SEQUENCE tessera.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: tessera; Owner: -
--

ALTER SEQUENCE tessera.audit_log_id_seq OWNED BY tessera.audit_log.id;


--
-- Name: department_members; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.department_members (
    department_id uuid NOT NULL,
    user_id uuid NOT NULL
);


--
-- Name: departments; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.departments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    parent_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: files; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.files (
    id uuid NOT NULL,
    app text NOT NULL,
    entity text NOT NULL,
    field text NOT NULL,
    name text NOT NULL,
    mime text NOT NULL,
    size bigint NOT NULL,
    sha256 character(64) NOT NULL,
    storage_key text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    record_id uuid
);


--
-- Name: idempotency_keys; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.idempotency_keys (
    key text NOT NULL,
    user_id uuid NOT NULL,
    method text NOT NULL,
    path text NOT NULL,
    request_hash text NOT NULL,
    status integer,
    response jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: login_throttle; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.login_throttle (
    key text NOT NULL,
    failures integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: metadata_versions; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.metadata_versions (
    id integer NOT NULL,
    app_name text NOT NULL,
    version integer NOT NULL,
    definition jsonb NOT NULL,
    source text NOT NULL,
    source_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT metadata_versions_source_check CHECK ((source = ANY (ARRAY['files'::text, 'designer'::text])))
);


--
-- Name: metadata_versions_id_seq; Type: SEQUENCE; Schema: tessera; Owner: -
--

CREATE SEQUENCE tessera.metadata_versions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: metadata_versions_id_seq; Type: SEQUENCE OWNED BY; Schema: tessera; Owner: -
--

ALTER SEQUENCE tessera.metadata_versions_id_seq OWNED BY tessera.metadata_versions.id;


--
-- Name: migration_history; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.migration_history (
    id integer NOT NULL,
    app_name text NOT NULL,
    from_version integer NOT NULL,
    to_version integer NOT NULL,
    steps jsonb NOT NULL,
    archive_tag text NOT NULL,
    restores_version integer,
    applied_at timestamp with time zone NOT NULL,
    applied_by text NOT NULL,
    kind text NOT NULL,
    CONSTRAINT migration_history_kind_check CHECK ((kind = ANY (ARRAY['apply'::text, 'rollback'::text, 'purge'::text])))
);


--
-- Name: migration_history_id_seq; Type: SEQUENCE; Schema: tessera; Owner: -
--

CREATE SEQUENCE tessera.migration_history_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: migration_history_id_seq; Type: SEQUENCE OWNED BY; Schema: tessera; Owner: -
--

ALTER SEQUENCE tessera.migration_history_id_seq OWNED BY tessera.migration_history.id;


--
-- Name: notifications; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.notifications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    subject text,
    body text NOT NULL,
    entity text,
    record_id uuid,
    outbox_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    read_at timestamp with time zone
);


--
-- Name: outbox; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.outbox (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    queued_at timestamp with time zone,
    dead_at timestamp with time zone
);


--
-- Name: plugin_route_throttle; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.plugin_route_throttle (
    key text NOT NULL,
    window_start timestamp with time zone NOT NULL,
    hits integer NOT NULL,
    failures integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: plugin_state; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.plugin_state (
    app text NOT NULL,
    plugin text NOT NULL,
    enabled boolean NOT NULL,
    settings jsonb DEFAULT '{}'::jsonb NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid
);


--
-- Name: record_shares; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.record_shares (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    entity text NOT NULL,
    record_id uuid NOT NULL,
    user_id uuid,
    team_id uuid,
    access text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT record_shares_access_check CHECK ((access = ANY (ARRAY['read'::text, 'edit'::text]))),
    CONSTRAINT record_shares_check CHECK (((user_id IS NULL) <> (team_id IS NULL)))
);


--
-- Name: recurring_jobs; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.recurring_jobs (
    name text NOT NULL,
    cron text NOT NULL,
    tz text NOT NULL,
    source text NOT NULL,
    registered_at timestamp with time zone NOT NULL,
    last_due_at timestamp with time zone,
    last_started_at timestamp with time zone,
    last_finished_at timestamp with time zone,
    last_status text,
    last_result text,
    last_error text
);


--
-- Name: reminders_sent; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.reminders_sent (
    entity text NOT NULL,
    record_id uuid NOT NULL,
    field text NOT NULL,
    due_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: round_robin; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.round_robin (
    key text NOT NULL,
    "position" bigint NOT NULL
);


--
-- Name: saved_views; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.saved_views (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    entity text NOT NULL,
    name text NOT NULL,
    query jsonb NOT NULL,
    shared boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: sessions; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.sessions (
    id text NOT NULL,
    user_id uuid NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: team_members; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.team_members (
    team_id uuid NOT NULL,
    user_id uuid NOT NULL,
    is_lead boolean DEFAULT false NOT NULL
);


--
-- Name: teams; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.teams (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    department_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    username text NOT NULL,
    email text,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    roles text[] DEFAULT '{}'::text[] NOT NULL,
    department_id uuid,
    manager_id uuid,
    is_active boolean DEFAULT true NOT NULL,
    failed_logins integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    phone text,
    locale text
);


--
-- Name: workflow_history; Type: TABLE; Schema: tessera; Owner: -
--

CREATE TABLE tessera.workflow_history (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    entity text NOT NULL,
    record_id uuid NOT NULL,
    workflow text NOT NULL,
    workflow_version integer NOT NULL,
    app_version integer NOT NULL,
    from_state text NOT NULL,
    to_state text NOT NULL,
    event text NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    actor uuid,
    at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: archive; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.archive (
    id uuid NOT NULL,
    name text NOT NULL,
    priority integer NOT NULL,
    data jsonb,
    state tessera_jobs.job_state NOT NULL,
    retry_limit integer NOT NULL,
    retry_count integer NOT NULL,
    retry_delay integer NOT NULL,
    retry_backoff boolean NOT NULL,
    start_after timestamp with time zone NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval NOT NULL,
    created_on timestamp with time zone NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    archived_on timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: job; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.job (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text
)
PARTITION BY LIST (name);


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    CONSTRAINT cjc CHECK ((name = 'tessera-cron-reminders:send'::text))
);


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    CONSTRAINT cjc CHECK ((name = 'tessera-webhook'::text))
);


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    CONSTRAINT cjc CHECK ((name = '__pgboss__send-it'::text))
);


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    CONSTRAINT cjc CHECK ((name = 'tessera-notify-channel'::text))
);


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    CONSTRAINT cjc CHECK ((name = 'tessera-approval-timeout'::text))
);


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    CONSTRAINT cjc CHECK ((name = 'tessera-cron-@tessera/plugin-dedup:backfill-keys'::text))
);


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    CONSTRAINT cjc CHECK ((name = 'tessera-cron-pool:return-stale'::text))
);


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    data jsonb,
    state tessera_jobs.job_state DEFAULT 'created'::tessera_jobs.job_state NOT NULL,
    retry_limit integer DEFAULT 2 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    retry_delay integer DEFAULT 0 NOT NULL,
    retry_backoff boolean DEFAULT false NOT NULL,
    start_after timestamp with time zone DEFAULT now() NOT NULL,
    started_on timestamp with time zone,
    singleton_key text,
    singleton_on timestamp without time zone,
    expire_in interval DEFAULT '00:15:00'::interval NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    completed_on timestamp with time zone,
    keep_until timestamp with time zone DEFAULT (now() + '14 days'::interval) NOT NULL,
    output jsonb,
    dead_letter text,
    policy text,
    CONSTRAINT cjc CHECK ((name = 'tessera-workflow-timer'::text))
);


--
-- Name: queue; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.queue (
    name text NOT NULL,
    policy text,
    retry_limit integer,
    retry_delay integer,
    retry_backoff boolean,
    expire_seconds integer,
    retention_minutes integer,
    dead_letter text,
    partition_name text,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_on timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: schedule; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.schedule (
    name text NOT NULL,
    cron text NOT NULL,
    timezone text,
    data jsonb,
    options jsonb,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_on timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: subscription; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.subscription (
    event text NOT NULL,
    name text NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_on timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: version; Type: TABLE; Schema: tessera_jobs; Owner: -
--

CREATE TABLE tessera_jobs.version (
    version integer NOT NULL,
    maintained_on timestamp with time zone,
    cron_on timestamp with time zone,
    monitored_on timestamp with time zone
);


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3; Type: TABLE ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job ATTACH PARTITION tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 FOR VALUES IN ('tessera-cron-reminders:send');


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0; Type: TABLE ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job ATTACH PARTITION tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 FOR VALUES IN ('tessera-webhook');


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3; Type: TABLE ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job ATTACH PARTITION tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 FOR VALUES IN ('__pgboss__send-it');


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb; Type: TABLE ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job ATTACH PARTITION tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb FOR VALUES IN ('tessera-notify-channel');


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63; Type: TABLE ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job ATTACH PARTITION tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 FOR VALUES IN ('tessera-approval-timeout');


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de; Type: TABLE ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job ATTACH PARTITION tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de FOR VALUES IN ('tessera-cron-@tessera/plugin-dedup:backfill-keys');


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf; Type: TABLE ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job ATTACH PARTITION tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf FOR VALUES IN ('tessera-cron-pool:return-stale');


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204; Type: TABLE ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job ATTACH PARTITION tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 FOR VALUES IN ('tessera-workflow-timer');


--
-- Name: audit_log id; Type: DEFAULT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.audit_log ALTER COLUMN id SET DEFAULT nextval('tessera.audit_log_id_seq'::regclass);


--
-- Name: metadata_versions id; Type: DEFAULT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.metadata_versions ALTER COLUMN id SET DEFAULT nextval('tessera.metadata_versions_id_seq'::regclass);


--
-- Name: migration_history id; Type: DEFAULT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.migration_history ALTER COLUMN id SET DEFAULT nextval('tessera.migration_history_id_seq'::regclass);


--
-- Data for Name: bid; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: contact; Type: TABLE DATA; Schema: app_crm; Owner: -
--

INSERT INTO app_crm.contact VALUES ('de3388d2-f2bb-4f84-b798-f67735991b82', '2026-12-07 00:18:08.366272+00', '2026-12-07 00:18:08.366272+00', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 1, 'Upgrade Contact', '6cfb3d7d-a015-4339-ad71-64f15e21c1fb', NULL, '13800000001', NULL, NULL, false, NULL, NULL);


--
-- Data for Name: contract; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: customer; Type: TABLE DATA; Schema: app_crm; Owner: -
--

INSERT INTO app_crm.customer VALUES ('6cfb3d7d-a015-4339-ad71-64f15e21c1fb', '2026-12-07 00:18:08.34712+00', '2026-12-07 00:18:08.34712+00', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 1, '升级测试有限公司', 'retail', 'A', 'east', NULL, NULL, NULL, NULL, NULL, NULL, 'prospect');
INSERT INTO app_crm.customer VALUES ('da1faf27-7cfb-49f3-bc78-efec6954a493', '2026-12-07 00:18:08.38136+00', '2026-12-07 00:18:08.38136+00', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 1, 'Fixture Trading Ltd', 'manufacturing', 'B', 'west', NULL, NULL, NULL, NULL, NULL, NULL, 'prospect');


--
-- Data for Name: follow_up; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: lead; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: opportunity; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: order; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: payment_plan; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: quote; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: sales_target; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: survey; Type: TABLE DATA; Schema: app_crm; Owner: -
--



--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: approval_delegations; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: approval_instances; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: approval_tasks; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.audit_log VALUES (1, '2026-12-07 00:18:08.240512+00', 'd4b594b7-df8c-4707-a2d7-952a14baa177', 'ad6d5b01-71a5-46d5-a378-939ac8045459', 'login', NULL, NULL, '[]', '{}');
INSERT INTO tessera.audit_log VALUES (2, '2026-12-07 00:18:08.337095+00', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 'fd1a9be4-c6f5-454a-af99-8aacdc632c4a', 'login', NULL, NULL, '[]', '{}');
INSERT INTO tessera.audit_log VALUES (3, '2026-12-07 00:18:08.34712+00', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', '6fb7d25a-0369-45b7-96d6-f4650b206381', 'create', 'customer', '6cfb3d7d-a015-4339-ad71-64f15e21c1fb', '[{"new": "dc2605ed-ea64-4c99-b38b-04daf31cfa2d", "old": null, "field": "created_by"}, {"new": "retail", "old": null, "field": "industry"}, {"new": "A", "old": null, "field": "level"}, {"new": "prospect", "old": null, "field": "lifecycle"}, {"new": "升级测试有限公司", "old": null, "field": "name"}, {"new": "dc2605ed-ea64-4c99-b38b-04daf31cfa2d", "old": null, "field": "owner"}, {"new": "east", "old": null, "field": "region"}]', '{}');
INSERT INTO tessera.audit_log VALUES (4, '2026-12-07 00:18:08.366272+00', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', '73113d67-20db-48dd-9344-36224a782d11', 'create', 'contact', 'de3388d2-f2bb-4f84-b798-f67735991b82', '[{"new": "dc2605ed-ea64-4c99-b38b-04daf31cfa2d", "old": null, "field": "created_by"}, {"new": "6cfb3d7d-a015-4339-ad71-64f15e21c1fb", "old": null, "field": "customer"}, {"new": false, "old": null, "field": "is_primary"}, {"new": "Upgrade Contact", "old": null, "field": "name"}, {"new": "dc2605ed-ea64-4c99-b38b-04daf31cfa2d", "old": null, "field": "owner"}, {"new": "13800000001", "old": null, "field": "phone"}]', '{}');
INSERT INTO tessera.audit_log VALUES (5, '2026-12-07 00:18:08.38136+00', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', '30b4ce1f-0c82-4e80-949e-fb893c5230d9', 'create', 'customer', 'da1faf27-7cfb-49f3-bc78-efec6954a493', '[{"new": "dc2605ed-ea64-4c99-b38b-04daf31cfa2d", "old": null, "field": "created_by"}, {"new": "manufacturing", "old": null, "field": "industry"}, {"new": "B", "old": null, "field": "level"}, {"new": "prospect", "old": null, "field": "lifecycle"}, {"new": "Fixture Trading Ltd", "old": null, "field": "name"}, {"new": "dc2605ed-ea64-4c99-b38b-04daf31cfa2d", "old": null, "field": "owner"}, {"new": "west", "old": null, "field": "region"}]', '{}');


--
-- Data for Name: department_members; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.department_members VALUES ('2c04a896-0bf7-4d03-8717-168369e83eda', 'd4b594b7-df8c-4707-a2d7-952a14baa177');
INSERT INTO tessera.department_members VALUES ('14617a28-e3f5-494f-821a-c1d94229bb4f', '992864c8-a958-4ba6-9ea7-abfaa2691723');
INSERT INTO tessera.department_members VALUES ('2c04a896-0bf7-4d03-8717-168369e83eda', '992864c8-a958-4ba6-9ea7-abfaa2691723');
INSERT INTO tessera.department_members VALUES ('2c04a896-0bf7-4d03-8717-168369e83eda', 'b6026ed2-0757-474e-b198-dd2b4e5edecf');
INSERT INTO tessera.department_members VALUES ('888d6a94-c8e1-49c1-bc18-a7155aa60155', 'b6026ed2-0757-474e-b198-dd2b4e5edecf');
INSERT INTO tessera.department_members VALUES ('2c04a896-0bf7-4d03-8717-168369e83eda', '0a0a3d88-b894-4b27-986d-76851a63fa39');
INSERT INTO tessera.department_members VALUES ('d797f49c-23ae-4a77-9324-eb896df5f683', '0a0a3d88-b894-4b27-986d-76851a63fa39');
INSERT INTO tessera.department_members VALUES ('2c04a896-0bf7-4d03-8717-168369e83eda', '057bd3ed-b35a-40e6-bcbd-0b254223e880');
INSERT INTO tessera.department_members VALUES ('d064960d-14f5-49b1-9e86-dc9bb8484638', '08f91f36-569d-4fe8-bfb7-468cd15d7ca8');
INSERT INTO tessera.department_members VALUES ('14617a28-e3f5-494f-821a-c1d94229bb4f', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d');
INSERT INTO tessera.department_members VALUES ('2c04a896-0bf7-4d03-8717-168369e83eda', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d');
INSERT INTO tessera.department_members VALUES ('accf12d2-2e86-45c6-93f9-cba8de542cc8', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d');
INSERT INTO tessera.department_members VALUES ('14617a28-e3f5-494f-821a-c1d94229bb4f', 'ea75df24-d4a9-4617-b38a-704bb3dd7e84');
INSERT INTO tessera.department_members VALUES ('2c04a896-0bf7-4d03-8717-168369e83eda', 'ea75df24-d4a9-4617-b38a-704bb3dd7e84');
INSERT INTO tessera.department_members VALUES ('2ec9bfd4-6eff-4063-9940-861ba91dc408', 'ea75df24-d4a9-4617-b38a-704bb3dd7e84');


--
-- Data for Name: departments; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.departments VALUES ('2c04a896-0bf7-4d03-8717-168369e83eda', 'Headquarters', NULL, '2026-12-07 00:18:07.754359+00');
INSERT INTO tessera.departments VALUES ('14617a28-e3f5-494f-821a-c1d94229bb4f', 'Sales', '2c04a896-0bf7-4d03-8717-168369e83eda', '2026-12-07 00:18:07.754359+00');
INSERT INTO tessera.departments VALUES ('accf12d2-2e86-45c6-93f9-cba8de542cc8', 'Sales East', '14617a28-e3f5-494f-821a-c1d94229bb4f', '2026-12-07 00:18:07.754359+00');
INSERT INTO tessera.departments VALUES ('2ec9bfd4-6eff-4063-9940-861ba91dc408', 'Sales West', '14617a28-e3f5-494f-821a-c1d94229bb4f', '2026-12-07 00:18:07.754359+00');
INSERT INTO tessera.departments VALUES ('888d6a94-c8e1-49c1-bc18-a7155aa60155', 'Customer Service', '2c04a896-0bf7-4d03-8717-168369e83eda', '2026-12-07 00:18:07.754359+00');
INSERT INTO tessera.departments VALUES ('d797f49c-23ae-4a77-9324-eb896df5f683', 'Marketing', '2c04a896-0bf7-4d03-8717-168369e83eda', '2026-12-07 00:18:07.754359+00');
INSERT INTO tessera.departments VALUES ('d064960d-14f5-49b1-9e86-dc9bb8484638', 'Partners', NULL, '2026-12-07 00:18:07.754359+00');


--
-- Data for Name: files; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: login_throttle; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: metadata_versions; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.metadata_versions VALUES (1, 'crm', 1, '{"name": "crm", "label": {"en": "CRM", "zh": "客户关系管理"}, "views": [{"kind": "list", "name": "customer_all", "sort": ["name"], "label": {"en": "All customers", "zh": "全部客户"}, "entity": "customer", "columns": ["name", "industry", "level", "region", "lifecycle", "annual_revenue"]}, {"kind": "kanban", "name": "customer_lifecycle_board", "label": {"en": "Customers by lifecycle", "zh": "按生命周期看客户"}, "entity": "customer", "groupBy": "lifecycle", "cardFields": ["industry", "level"]}, {"kind": "list", "name": "customer_my_key_accounts", "sort": ["-annual_revenue"], "label": {"en": "My key accounts", "zh": "我的重点客户"}, "entity": "customer", "filter": {"and": [{"lifecycle": {"eq": "key_account"}}, {"owner": {"eq": "$me"}}]}, "columns": ["name", "industry", "level", "annual_revenue", "credit_rating"]}, {"kind": "kanban", "name": "opportunity_pipeline", "sort": ["-amount"], "label": {"en": "Pipeline by stage", "zh": "按阶段看商机"}, "entity": "opportunity", "groupBy": "stage", "cardFields": ["customer", "amount", "expected_close"]}], "layouts": [{"kind": "form", "name": "bid-form", "entity": "bid", "sections": [{"id": "basic", "label": {"en": "Tender", "zh": "招标信息"}, "fields": ["name", "tender_no", "customer", "opportunity"], "columns": 2}, {"id": "bid", "label": {"en": "Bid", "zh": "投标"}, "fields": ["budget", "bid_amount", "deadline", "opening_at", "status"], "columns": 2}, {"id": "notes", "label": {"en": "Notes", "zh": "备注"}, "fields": ["notes"], "columns": 1}]}, {"kind": "form", "name": "contact-form", "entity": "contact", "sections": [{"id": "basic", "label": {"en": "Basic", "zh": "基本信息"}, "fields": ["name", "customer", "title", "is_primary"], "columns": 2}, {"id": "contact", "label": {"en": "Contact details", "zh": "联系方式"}, "fields": ["phone", "email", "birthday", "last_contacted_at"], "columns": 2}, {"id": "notes", "label": {"en": "Notes", "zh": "备注"}, "fields": ["notes"], "columns": 1}]}, {"kind": "form", "name": "contract-form", "entity": "contract", "sections": [{"id": "basic", "label": {"en": "Contract", "zh": "合同信息"}, "fields": ["name", "contract_no", "customer", "opportunity"], "columns": 2}, {"id": "terms", "label": {"en": "Terms", "zh": "条款"}, "fields": ["amount", "signed_at", "end_date", "status"], "columns": 2}]}, {"kind": "form", "name": "customer-form", "entity": "customer", "sections": [{"id": "basic", "label": {"en": "Basic", "zh": "基本信息"}, "fields": ["name", "industry", "level", "region", "address_region", "phone", "email"], "columns": 2}, {"id": "value", "label": {"en": "Value and credit", "zh": "价值与信用"}, "fields": ["annual_revenue", "credit_rating", "satisfaction"], "columns": 2}]}, {"kind": "form", "name": "follow-up-form", "entity": "follow_up", "sections": [{"id": "basic", "label": {"en": "Follow-up", "zh": "跟进信息"}, "fields": ["subject", "method", "occurred_at", "next_contact_at"], "columns": 2}, {"id": "related", "label": {"en": "Related to", "zh": "关联对象"}, "fields": ["customer", "contact", "lead", "opportunity"], "columns": 2}, {"id": "content", "label": {"en": "Content", "zh": "跟进内容"}, "fields": ["content"], "columns": 1}]}, {"kind": "form", "name": "lead-form", "entity": "lead", "sections": [{"id": "basic", "label": {"en": "Lead", "zh": "线索信息"}, "fields": ["name", "company", "phone", "email"], "columns": 2}, {"id": "qualification", "label": {"en": "Qualification", "zh": "线索评估"}, "fields": ["source", "industry", "region", "score", "status"], "columns": 2}, {"id": "outcome", "label": {"en": "Outcome", "zh": "结果"}, "fields": ["converted_customer", "disqualify_reason"], "columns": 2}]}, {"kind": "form", "name": "opportunity-form", "entity": "opportunity", "sections": [{"id": "basic", "label": {"en": "Opportunity", "zh": "商机信息"}, "fields": ["name", "customer", "lead", "amount"], "columns": 2}, {"id": "pipeline", "label": {"en": "Pipeline", "zh": "销售进展"}, "fields": ["stage", "probability", "expected_close", "lost_reason"], "columns": 2}]}, {"kind": "form", "name": "order-form", "entity": "order", "sections": [{"id": "basic", "label": {"en": "Order", "zh": "订单信息"}, "fields": ["order_no", "contract", "customer", "amount", "ordered_at", "status"], "columns": 2}]}, {"kind": "form", "name": "payment-plan-form", "entity": "payment_plan", "sections": [{"id": "basic", "label": {"en": "Payment plan", "zh": "回款计划"}, "fields": ["name", "contract", "customer", "installment", "due_date", "amount"], "columns": 2}, {"id": "received", "label": {"en": "Received", "zh": "回款情况"}, "fields": ["received_amount", "received_at", "status"], "columns": 2}]}, {"kind": "form", "name": "sales-target-form", "entity": "sales_target", "sections": [{"id": "basic", "label": {"en": "Target", "zh": "销售目标"}, "fields": ["name", "assignee", "year", "month", "amount", "achieved_amount"], "columns": 2}]}, {"kind": "form", "name": "survey-form", "entity": "survey", "sections": [{"id": "basic", "label": {"en": "Survey", "zh": "调查信息"}, "fields": ["title", "customer", "contact", "channel", "surveyed_at", "score"], "columns": 2}, {"id": "comment", "label": {"en": "Comment", "zh": "评价"}, "fields": ["comment"], "columns": 1}]}], "plugins": ["@tessera/plugin-rating", "@tessera/plugin-region", {"name": "@tessera/plugin-dedup", "settings": {"entities": {"contact": {"fields": ["phone", "email"], "children": [{"field": "contact", "entity": "follow_up"}, {"field": "contact", "entity": "survey"}]}, "customer": {"fields": ["name", "phone", "email"], "children": [{"field": "customer", "entity": "contact"}, {"field": "customer", "entity": "follow_up"}, {"field": "customer", "entity": "opportunity"}, {"field": "customer", "entity": "quote"}, {"field": "customer", "entity": "bid"}, {"field": "customer", "entity": "contract"}, {"field": "customer", "entity": "order"}, {"field": "customer", "entity": "payment_plan"}, {"field": "customer", "entity": "survey"}, {"field": "converted_customer", "entity": "lead"}]}}, "mergeRoles": ["admin"]}}, {"name": "@tessera/plugin-lead-scoring", "settings": {"rules": [{"op": "eq", "field": "source", "value": "referral", "points": 30}, {"op": "eq", "field": "source", "value": "trade_show", "points": 25}, {"op": "eq", "field": "source", "value": "web_form", "points": 20}, {"op": "eq", "field": "source", "value": "api", "points": 10}, {"op": "eq", "field": "source", "value": "import", "points": 5}, {"op": "in", "field": "industry", "value": ["manufacturing", "it", "finance", "energy"], "points": 20}, {"op": "in", "field": "industry", "value": ["healthcare", "education"], "points": 10}, {"op": "in", "field": "region", "value": ["east", "north", "south"], "points": 10}, {"op": "notNull", "field": "company", "points": 10}, {"op": "notNull", "field": "phone", "points": 10}, {"op": "notNull", "field": "email", "points": 10}], "target": {"field": "score", "entity": "lead"}}}, "@tessera/plugin-notifications"], "entities": [{"type": "object", "x-name": "bid", "x-label": {"en": "Bid", "zh": "投标"}, "required": ["name", "customer"], "x-plural": "bids", "x-indexes": [["status", "deadline"]], "properties": {"name": {"x-id": "fld_bid_name", "x-type": "text", "x-label": {"en": "Project", "zh": "项目名称"}, "maxLength": 200}, "notes": {"x-id": "fld_bid_notes", "x-type": "textarea", "x-label": {"en": "Notes", "zh": "备注"}, "maxLength": 5000}, "budget": {"x-id": "fld_bid_budget", "x-type": "currency", "minimum": 0, "x-label": {"en": "Budget", "zh": "项目预算"}, "x-scale": 2, "x-currency": "CNY", "x-precision": 18}, "status": {"x-id": "fld_bid_status", "x-type": "select", "x-label": {"en": "Status", "zh": "状态"}, "x-indexed": true, "x-options": [{"label": {"en": "Tender notice", "zh": "招标公告"}, "value": "notice"}, {"label": {"en": "Registered", "zh": "已报名"}, "value": "registered"}, {"label": {"en": "Preparing", "zh": "标书准备"}, "value": "preparing"}, {"label": {"en": "In review", "zh": "内部评审"}, "value": "in_review"}, {"label": {"en": "Submitted", "zh": "已投标"}, "value": "submitted"}, {"label": {"en": "Opened", "zh": "已开标"}, "value": "opened"}, {"label": {"en": "Won", "zh": "中标"}, "value": "won"}, {"label": {"en": "Lost", "zh": "未中标"}, "value": "lost"}], "description": "Driven by workflows/bid-lifecycle.workflow.json."}, "customer": {"x-id": "fld_bid_customer", "x-type": "relation", "x-label": {"en": "Tendering party", "zh": "招标方"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "cascade"}}, "deadline": {"x-id": "fld_bid_deadline", "x-type": "datetime", "x-label": {"en": "Submission deadline", "zh": "投标截止时间"}, "x-indexed": true, "x-reminder": {"before": "P1D", "notify": "owner", "message": {"en": "Bid {{name}} closes at {{due}}", "zh": "投标 {{name}} 将于 {{due}} 截止"}}, "description": "Must not be missed: the workflow reminds the owner and escalates."}, "tender_no": {"x-id": "fld_bid_tender_no", "x-type": "text", "x-label": {"en": "Tender number", "zh": "招标编号"}, "maxLength": 50, "x-indexed": true}, "bid_amount": {"x-id": "fld_bid_bid_amount", "x-type": "currency", "minimum": 0, "x-label": {"en": "Bid amount", "zh": "投标金额"}, "x-scale": 2, "x-indexed": true, "x-currency": "CNY", "x-precision": 18}, "opening_at": {"x-id": "fld_bid_opening_at", "x-type": "datetime", "x-label": {"en": "Bid opening", "zh": "开标时间"}}, "opportunity": {"x-id": "fld_bid_opportunity", "x-type": "relation", "x-label": {"en": "Opportunity", "zh": "商机"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "opportunity", "onDelete": "set-null"}}}, "x-label-plural": {"en": "Bids", "zh": "招投标"}, "x-display-field": "name", "additionalProperties": false}, {"type": "object", "x-name": "contact", "x-label": {"en": "Contact", "zh": "联系人"}, "required": ["name", "customer"], "x-plural": "contacts", "properties": {"name": {"x-id": "fld_contact_name", "x-type": "text", "x-label": {"en": "Name", "zh": "姓名"}, "maxLength": 100}, "email": {"x-id": "fld_contact_email", "x-type": "email", "x-label": {"en": "Email", "zh": "邮箱"}}, "notes": {"x-id": "fld_contact_notes", "x-type": "textarea", "x-label": {"en": "Notes", "zh": "备注"}, "maxLength": 5000}, "phone": {"x-id": "fld_contact_phone", "x-type": "phone", "x-label": {"en": "Phone", "zh": "电话"}}, "title": {"x-id": "fld_contact_title", "x-type": "text", "x-label": {"en": "Job title", "zh": "职务"}, "maxLength": 100}, "birthday": {"x-id": "fld_contact_birthday", "x-type": "date", "x-label": {"en": "Birthday", "zh": "生日"}, "x-reminder": {"before": "P1D", "notify": "owner", "yearly": true, "message": {"en": "Tomorrow is {{name}}''s birthday ({{due}})", "zh": "明天（{{due}}）是 {{name}} 的生日"}}}, "customer": {"x-id": "fld_contact_customer", "x-type": "relation", "x-label": {"en": "Customer", "zh": "所属客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "cascade"}}, "is_primary": {"x-id": "fld_contact_is_primary", "x-type": "boolean", "default": false, "x-label": {"en": "Primary contact", "zh": "首要联系人"}}, "last_contacted_at": {"x-id": "fld_contact_last_contacted_at", "x-type": "datetime", "x-label": {"en": "Last contacted", "zh": "最近联系时间"}}}, "x-label-plural": {"en": "Contacts", "zh": "联系人"}, "x-display-field": "name", "additionalProperties": false}, {"type": "object", "x-name": "contract", "x-label": {"en": "Contract", "zh": "合同"}, "required": ["name", "customer"], "x-plural": "contracts", "x-indexes": [["status", "-signed_at", "-id"]], "properties": {"name": {"x-id": "fld_contract_name", "x-type": "text", "x-label": {"en": "Name", "zh": "合同名称"}, "maxLength": 200}, "amount": {"x-id": "fld_contract_amount", "x-type": "currency", "minimum": 0, "x-label": {"en": "Amount", "zh": "合同金额"}, "x-scale": 2, "x-indexed": true, "x-currency": "CNY", "x-precision": 18}, "status": {"x-id": "fld_contract_status", "x-type": "select", "x-label": {"en": "Status", "zh": "状态"}, "x-indexed": true, "x-options": [{"label": {"en": "Draft", "zh": "草稿"}, "value": "draft"}, {"label": {"en": "Active", "zh": "执行中"}, "value": "active"}, {"label": {"en": "Completed", "zh": "已完成"}, "value": "completed"}, {"label": {"en": "Terminated", "zh": "已终止"}, "value": "terminated"}]}, "customer": {"x-id": "fld_contract_customer", "x-type": "relation", "x-label": {"en": "Customer", "zh": "客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "restrict"}}, "end_date": {"x-id": "fld_contract_end_date", "x-type": "date", "x-label": {"en": "Ends on", "zh": "到期日期"}}, "signed_at": {"x-id": "fld_contract_signed_at", "x-type": "date", "x-label": {"en": "Signed on", "zh": "签订日期"}, "x-indexed": true}, "contract_no": {"x-id": "fld_contract_contract_no", "x-type": "text", "x-label": {"en": "Contract number", "zh": "合同编号"}, "maxLength": 50, "x-indexed": true}, "opportunity": {"x-id": "fld_contract_opportunity", "x-type": "relation", "x-label": {"en": "Opportunity", "zh": "商机"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "opportunity", "onDelete": "set-null"}}}, "x-label-plural": {"en": "Contracts", "zh": "合同"}, "x-display-field": "name", "additionalProperties": false}, {"type": "object", "x-name": "customer", "x-pool": {"ownerField": "owner", "returnAfterDays": 30, "maxClaimsPerUser": 50}, "x-label": {"en": "Customer", "zh": "客户"}, "required": ["name"], "x-plural": "customers", "x-indexes": [["industry", "level", "-annual_revenue", "-id"]], "properties": {"name": {"x-id": "fld_customer_name", "x-type": "text", "x-label": {"en": "Name", "zh": "客户名称"}, "maxLength": 200}, "email": {"x-id": "fld_customer_email", "x-type": "email", "x-label": {"en": "Email", "zh": "邮箱"}}, "level": {"x-id": "fld_customer_level", "x-type": "select", "x-label": {"en": "Customer level", "zh": "客户等级"}, "x-indexed": true, "x-options": [{"label": {"en": "A (key account)", "zh": "A（重点客户）"}, "value": "A"}, {"label": {"en": "B", "zh": "B"}, "value": "B"}, {"label": {"en": "C", "zh": "C"}, "value": "C"}, {"label": {"en": "D", "zh": "D"}, "value": "D"}]}, "phone": {"x-id": "fld_customer_phone", "x-type": "phone", "x-label": {"en": "Phone", "zh": "电话"}}, "region": {"x-id": "fld_customer_region", "x-type": "select", "x-label": {"en": "Region", "zh": "区域"}, "x-indexed": true, "x-options": [{"label": {"en": "North China", "zh": "华北"}, "value": "north"}, {"label": {"en": "East China", "zh": "华东"}, "value": "east"}, {"label": {"en": "South China", "zh": "华南"}, "value": "south"}, {"label": {"en": "Central China", "zh": "华中"}, "value": "central"}, {"label": {"en": "West China", "zh": "西部"}, "value": "west"}, {"label": {"en": "Northeast China", "zh": "东北"}, "value": "northeast"}, {"label": {"en": "Overseas", "zh": "海外"}, "value": "overseas"}]}, "industry": {"x-id": "fld_customer_industry", "x-type": "select", "x-label": {"en": "Industry", "zh": "行业"}, "x-indexed": true, "x-options": [{"label": {"en": "Manufacturing", "zh": "制造业"}, "value": "manufacturing"}, {"label": {"en": "IT", "zh": "信息技术"}, "value": "it"}, {"label": {"en": "Finance", "zh": "金融"}, "value": "finance"}, {"label": {"en": "Retail", "zh": "零售"}, "value": "retail"}, {"label": {"en": "Education", "zh": "教育"}, "value": "education"}, {"label": {"en": "Healthcare", "zh": "医疗健康"}, "value": "healthcare"}, {"label": {"en": "Energy", "zh": "能源"}, "value": "energy"}, {"label": {"en": "Other", "zh": "其他"}, "value": "other"}]}, "lifecycle": {"x-id": "fld_customer_lifecycle", "x-type": "select", "x-label": {"en": "Lifecycle", "zh": "生命周期"}, "x-options": [{"label": {"en": "Prospect", "zh": "潜在客户"}, "value": "prospect"}, {"label": {"en": "Active", "zh": "活跃客户"}, "value": "active"}, {"label": {"en": "Key account", "zh": "重点客户"}, "value": "key_account"}, {"label": {"en": "Dormant", "zh": "休眠客户"}, "value": "dormant"}, {"label": {"en": "Lost", "zh": "流失客户"}, "value": "lost"}], "description": "Driven by workflows/customer-lifecycle.workflow.json; changed only through its transitions."}, "satisfaction": {"x-id": "fld_customer_satisfaction", "x-type": "rating:stars", "maximum": 5, "minimum": 1, "x-label": {"en": "Satisfaction", "zh": "满意度"}}, "credit_rating": {"x-id": "fld_customer_credit_rating", "x-type": "select", "x-label": {"en": "Credit rating", "zh": "信用等级"}, "x-options": [{"label": {"en": "AAA", "zh": "AAA"}, "value": "AAA"}, {"label": {"en": "AA", "zh": "AA"}, "value": "AA"}, {"label": {"en": "A", "zh": "A"}, "value": "A"}, {"label": {"en": "B", "zh": "B"}, "value": "B"}, {"label": {"en": "C", "zh": "C"}, "value": "C"}]}, "address_region": {"x-id": "fld_customer_address_region", "x-type": "region:cn", "x-label": {"en": "Province / city / district", "zh": "所在省市区"}, "x-indexed": true, "description": "A GB/T 2260 code from @tessera/plugin-region; filter a province with startsWith."}, "annual_revenue": {"x-id": "fld_customer_annual_revenue", "x-type": "currency", "minimum": 0, "x-label": {"en": "Annual revenue", "zh": "年营业额"}, "x-scale": 2, "x-indexed": true, "x-currency": "CNY", "x-precision": 18}}, "x-label-plural": {"en": "Customers", "zh": "客户"}, "x-display-field": "name", "additionalProperties": false}, {"type": "object", "x-name": "follow_up", "x-label": {"en": "Follow-up", "zh": "跟进记录"}, "required": ["subject", "method"], "x-plural": "follow_ups", "x-indexes": [["customer", "-occurred_at"]], "properties": {"lead": {"x-id": "fld_follow_up_lead", "x-type": "relation", "x-label": {"en": "Lead", "zh": "线索"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "lead", "onDelete": "cascade"}}, "method": {"x-id": "fld_follow_up_method", "x-type": "select", "x-label": {"en": "Method", "zh": "跟进方式"}, "x-indexed": true, "x-options": [{"label": {"en": "Phone", "zh": "电话"}, "value": "phone"}, {"label": {"en": "Email", "zh": "邮件"}, "value": "email"}, {"label": {"en": "Visit", "zh": "拜访"}, "value": "visit"}, {"label": {"en": "SMS", "zh": "短信"}, "value": "sms"}, {"label": {"en": "WeChat", "zh": "微信"}, "value": "wechat"}]}, "contact": {"x-id": "fld_follow_up_contact", "x-type": "relation", "x-label": {"en": "Contact", "zh": "联系人"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "contact", "onDelete": "set-null"}}, "content": {"x-id": "fld_follow_up_content", "x-type": "textarea", "x-label": {"en": "Content", "zh": "跟进内容"}, "maxLength": 5000}, "subject": {"x-id": "fld_follow_up_subject", "x-type": "text", "x-label": {"en": "Subject", "zh": "主题"}, "maxLength": 200}, "customer": {"x-id": "fld_follow_up_customer", "x-type": "relation", "x-label": {"en": "Customer", "zh": "客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "cascade"}}, "occurred_at": {"x-id": "fld_follow_up_occurred_at", "x-type": "datetime", "x-label": {"en": "Occurred at", "zh": "跟进时间"}, "x-indexed": true}, "opportunity": {"x-id": "fld_follow_up_opportunity", "x-type": "relation", "x-label": {"en": "Opportunity", "zh": "商机"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "opportunity", "onDelete": "cascade"}}, "next_contact_at": {"x-id": "fld_follow_up_next_contact_at", "x-type": "datetime", "x-label": {"en": "Next contact", "zh": "下次联系时间"}, "x-indexed": true, "x-reminder": {"before": "PT30M", "notify": "owner", "message": {"en": "Contact again at {{due}}: {{subject}}", "zh": "{{due}} 需再次联系：{{subject}}"}}, "description": "Becomes a reminder on the owner''s calendar."}}, "x-label-plural": {"en": "Follow-ups", "zh": "跟进记录"}, "x-display-field": "subject", "additionalProperties": false}, {"type": "object", "x-name": "lead", "x-label": {"en": "Lead", "zh": "线索"}, "required": ["name"], "x-plural": "leads", "x-indexes": [["status", "-score", "-id"]], "properties": {"name": {"x-id": "fld_lead_name", "x-type": "text", "x-label": {"en": "Name", "zh": "姓名"}, "maxLength": 100}, "email": {"x-id": "fld_lead_email", "x-type": "email", "x-label": {"en": "Email", "zh": "邮箱"}}, "phone": {"x-id": "fld_lead_phone", "x-type": "phone", "x-label": {"en": "Phone", "zh": "电话"}}, "score": {"x-id": "fld_lead_score", "x-type": "number", "maximum": 100, "minimum": 0, "x-label": {"en": "Score", "zh": "线索评分"}, "x-scale": 0, "x-indexed": true, "description": "0–100 from the scoring rules; lists sort by it."}, "region": {"x-id": "fld_lead_region", "x-type": "select", "x-label": {"en": "Region", "zh": "区域"}, "x-indexed": true, "x-options": [{"label": {"en": "North China", "zh": "华北"}, "value": "north"}, {"label": {"en": "East China", "zh": "华东"}, "value": "east"}, {"label": {"en": "South China", "zh": "华南"}, "value": "south"}, {"label": {"en": "Central China", "zh": "华中"}, "value": "central"}, {"label": {"en": "West China", "zh": "西部"}, "value": "west"}, {"label": {"en": "Northeast China", "zh": "东北"}, "value": "northeast"}, {"label": {"en": "Overseas", "zh": "海外"}, "value": "overseas"}]}, "source": {"x-id": "fld_lead_source", "x-type": "select", "x-label": {"en": "Source", "zh": "线索来源"}, "x-indexed": true, "x-options": [{"label": {"en": "Web form", "zh": "网站表单"}, "value": "web_form"}, {"label": {"en": "Import", "zh": "导入"}, "value": "import"}, {"label": {"en": "API", "zh": "接口"}, "value": "api"}, {"label": {"en": "Trade show", "zh": "展会"}, "value": "trade_show"}, {"label": {"en": "Referral", "zh": "转介绍"}, "value": "referral"}, {"label": {"en": "Cold call", "zh": "陌生拜访"}, "value": "cold_call"}]}, "status": {"x-id": "fld_lead_status", "x-type": "select", "x-label": {"en": "Status", "zh": "状态"}, "x-indexed": true, "x-options": [{"label": {"en": "New", "zh": "新线索"}, "value": "new"}, {"label": {"en": "Contacted", "zh": "已联系"}, "value": "contacted"}, {"label": {"en": "Qualified", "zh": "已确认"}, "value": "qualified"}, {"label": {"en": "Converted", "zh": "已转化"}, "value": "converted"}, {"label": {"en": "Disqualified", "zh": "无效"}, "value": "disqualified"}], "description": "Driven by workflows/lead-qualification.workflow.json."}, "company": {"x-id": "fld_lead_company", "x-type": "text", "x-label": {"en": "Company", "zh": "公司名称"}, "maxLength": 200, "x-indexed": true}, "industry": {"x-id": "fld_lead_industry", "x-type": "select", "x-label": {"en": "Industry", "zh": "行业"}, "x-indexed": true, "x-options": [{"label": {"en": "Manufacturing", "zh": "制造业"}, "value": "manufacturing"}, {"label": {"en": "IT", "zh": "信息技术"}, "value": "it"}, {"label": {"en": "Finance", "zh": "金融"}, "value": "finance"}, {"label": {"en": "Retail", "zh": "零售"}, "value": "retail"}, {"label": {"en": "Education", "zh": "教育"}, "value": "education"}, {"label": {"en": "Healthcare", "zh": "医疗健康"}, "value": "healthcare"}, {"label": {"en": "Energy", "zh": "能源"}, "value": "energy"}, {"label": {"en": "Other", "zh": "其他"}, "value": "other"}]}, "disqualify_reason": {"x-id": "fld_lead_disqualify_reason", "x-type": "textarea", "x-label": {"en": "Disqualification reason", "zh": "无效原因"}, "maxLength": 1000}, "converted_customer": {"x-id": "fld_lead_converted_customer", "x-type": "relation", "x-label": {"en": "Converted customer", "zh": "转化客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "set-null"}}}, "x-label-plural": {"en": "Leads", "zh": "线索"}, "x-display-field": "name", "additionalProperties": false}, {"type": "object", "x-name": "opportunity", "x-label": {"en": "Opportunity", "zh": "商机"}, "required": ["name", "customer"], "x-plural": "opportunities", "x-indexes": [["stage", "-amount", "-id"]], "properties": {"lead": {"x-id": "fld_opportunity_lead", "x-type": "relation", "x-label": {"en": "Source lead", "zh": "来源线索"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "lead", "onDelete": "set-null"}}, "name": {"x-id": "fld_opportunity_name", "x-type": "text", "x-label": {"en": "Name", "zh": "商机名称"}, "maxLength": 200}, "stage": {"x-id": "fld_opportunity_stage", "x-type": "select", "x-label": {"en": "Stage", "zh": "销售阶段"}, "x-indexed": true, "x-options": [{"label": {"en": "Qualification", "zh": "初步接洽"}, "value": "qualification"}, {"label": {"en": "Needs analysis", "zh": "需求分析"}, "value": "needs_analysis"}, {"label": {"en": "Proposal", "zh": "方案报价"}, "value": "proposal"}, {"label": {"en": "Negotiation", "zh": "商务谈判"}, "value": "negotiation"}, {"label": {"en": "Won", "zh": "赢单"}, "value": "won"}, {"label": {"en": "Lost", "zh": "输单"}, "value": "lost"}], "description": "Driven by workflows/opportunity-pipeline.workflow.json, which also sets the probability."}, "amount": {"x-id": "fld_opportunity_amount", "x-type": "currency", "minimum": 0, "x-label": {"en": "Amount", "zh": "预计金额"}, "x-scale": 2, "x-indexed": true, "x-currency": "CNY", "x-precision": 18}, "customer": {"x-id": "fld_opportunity_customer", "x-type": "relation", "x-label": {"en": "Customer", "zh": "客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "cascade"}}, "lost_reason": {"x-id": "fld_opportunity_lost_reason", "x-type": "textarea", "x-label": {"en": "Lost reason", "zh": "输单原因"}, "maxLength": 1000}, "probability": {"x-id": "fld_opportunity_probability", "x-type": "percent", "x-label": {"en": "Win probability", "zh": "赢率"}, "x-scale": 0}, "expected_close": {"x-id": "fld_opportunity_expected_close", "x-type": "date", "x-label": {"en": "Expected close", "zh": "预计成交日期"}, "x-indexed": true}}, "x-label-plural": {"en": "Opportunities", "zh": "商机"}, "x-display-field": "name", "additionalProperties": false}, {"type": "object", "x-name": "order", "x-label": {"en": "Order", "zh": "订单"}, "required": ["order_no", "customer"], "x-plural": "orders", "x-indexes": [["status", "-ordered_at", "-id"]], "properties": {"amount": {"x-id": "fld_order_amount", "x-type": "currency", "minimum": 0, "x-label": {"en": "Amount", "zh": "订单金额"}, "x-scale": 2, "x-indexed": true, "x-currency": "CNY", "x-precision": 18}, "status": {"x-id": "fld_order_status", "x-type": "select", "x-label": {"en": "Status", "zh": "状态"}, "x-indexed": true, "x-options": [{"label": {"en": "Pending", "zh": "待确认"}, "value": "pending"}, {"label": {"en": "Confirmed", "zh": "已确认"}, "value": "confirmed"}, {"label": {"en": "Shipped", "zh": "已发货"}, "value": "shipped"}, {"label": {"en": "Completed", "zh": "已完成"}, "value": "completed"}, {"label": {"en": "Cancelled", "zh": "已取消"}, "value": "cancelled"}]}, "contract": {"x-id": "fld_order_contract", "x-type": "relation", "x-label": {"en": "Contract", "zh": "合同"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "contract", "onDelete": "restrict"}}, "customer": {"x-id": "fld_order_customer", "x-type": "relation", "x-label": {"en": "Customer", "zh": "客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "restrict"}}, "order_no": {"x-id": "fld_order_order_no", "x-type": "text", "x-label": {"en": "Order number", "zh": "订单编号"}, "maxLength": 50}, "ordered_at": {"x-id": "fld_order_ordered_at", "x-type": "date", "x-label": {"en": "Ordered on", "zh": "下单日期"}, "x-indexed": true}}, "x-label-plural": {"en": "Orders", "zh": "订单"}, "x-display-field": "order_no", "additionalProperties": false}, {"type": "object", "x-name": "payment_plan", "x-label": {"en": "Payment plan", "zh": "回款计划"}, "required": ["name", "contract", "due_date", "amount"], "x-plural": "payment_plans", "x-indexes": [["status", "due_date", "id"]], "properties": {"name": {"x-id": "fld_payment_plan_name", "x-type": "text", "x-label": {"en": "Name", "zh": "名称"}, "maxLength": 200}, "amount": {"x-id": "fld_payment_plan_amount", "x-type": "currency", "minimum": 0, "x-label": {"en": "Planned amount", "zh": "计划金额"}, "x-scale": 2, "x-currency": "CNY", "x-precision": 18}, "status": {"x-id": "fld_payment_plan_status", "x-type": "select", "x-label": {"en": "Status", "zh": "状态"}, "x-indexed": true, "x-options": [{"label": {"en": "Planned", "zh": "待回款"}, "value": "planned"}, {"label": {"en": "Invoiced", "zh": "已开票"}, "value": "invoiced"}, {"label": {"en": "Partially paid", "zh": "部分回款"}, "value": "partially_paid"}, {"label": {"en": "Paid", "zh": "已回款"}, "value": "paid"}, {"label": {"en": "Overdue", "zh": "已逾期"}, "value": "overdue"}], "description": "Driven by workflows/payment-collection.workflow.json (overdue timer)."}, "contract": {"x-id": "fld_payment_plan_contract", "x-type": "relation", "x-label": {"en": "Contract", "zh": "合同"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "contract", "onDelete": "cascade"}}, "customer": {"x-id": "fld_payment_plan_customer", "x-type": "relation", "x-label": {"en": "Customer", "zh": "客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "cascade"}}, "due_date": {"x-id": "fld_payment_plan_due_date", "x-type": "date", "x-label": {"en": "Due date", "zh": "计划回款日期"}, "x-indexed": true}, "installment": {"x-id": "fld_payment_plan_installment", "x-type": "number", "maximum": 120, "minimum": 1, "x-label": {"en": "Installment", "zh": "期次"}, "x-scale": 0}, "received_at": {"x-id": "fld_payment_plan_received_at", "x-type": "date", "x-label": {"en": "Received on", "zh": "回款日期"}}, "received_amount": {"x-id": "fld_payment_plan_received_amount", "x-type": "currency", "minimum": 0, "x-label": {"en": "Received amount", "zh": "已回款金额"}, "x-scale": 2, "x-currency": "CNY", "x-precision": 18}}, "x-label-plural": {"en": "Payment plans", "zh": "回款计划"}, "x-display-field": "name", "additionalProperties": false}, {"type": "object", "x-name": "quote", "x-label": {"en": "Quote", "zh": "报价单"}, "required": ["name", "customer"], "x-plural": "quotes", "properties": {"name": {"x-id": "fld_quote_name", "x-type": "text", "x-label": {"en": "Name", "zh": "名称"}, "maxLength": 200}, "amount": {"x-id": "fld_quote_amount", "x-type": "currency", "x-label": {"en": "Amount", "zh": "金额"}, "x-currency-field": "currency_code"}, "status": {"x-id": "fld_quote_status", "x-type": "select", "x-label": {"en": "Status", "zh": "状态"}, "x-options": [{"label": {"en": "Draft", "zh": "草稿"}, "value": "draft"}, {"label": {"en": "Pending approval", "zh": "审批中"}, "value": "pending_approval"}, {"label": {"en": "Approved", "zh": "已批准"}, "value": "approved"}, {"label": {"en": "Rejected", "zh": "已驳回"}, "value": "rejected"}]}, "customer": {"x-id": "fld_quote_customer", "x-type": "relation", "x-label": {"en": "Customer", "zh": "客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "cascade"}}, "discount": {"x-id": "fld_quote_discount", "x-type": "percent", "x-label": {"en": "Discount", "zh": "折扣"}}, "currency_code": {"x-id": "fld_quote_currency_code", "x-type": "select", "default": "CNY", "x-label": {"en": "Currency", "zh": "币种"}, "x-options": [{"label": {"en": "Chinese yuan (CNY)", "zh": "人民币 (CNY)"}, "value": "CNY"}, {"label": {"en": "US dollar (USD)", "zh": "美元 (USD)"}, "value": "USD"}, {"label": {"en": "Euro (EUR)", "zh": "欧元 (EUR)"}, "value": "EUR"}, {"label": {"en": "Hong Kong dollar (HKD)", "zh": "港币 (HKD)"}, "value": "HKD"}], "description": "ISO 4217 code of the quote''s amounts (ADR 0013)."}}, "x-label-plural": {"en": "Quotes", "zh": "报价单"}, "x-display-field": "name"}, {"type": "object", "x-name": "sales_target", "x-label": {"en": "Sales target", "zh": "销售目标"}, "required": ["name", "assignee", "year", "amount"], "x-plural": "sales_targets", "x-indexes": [["year", "month", "assignee"]], "properties": {"name": {"x-id": "fld_sales_target_name", "x-type": "text", "x-label": {"en": "Name", "zh": "名称"}, "maxLength": 200}, "year": {"x-id": "fld_sales_target_year", "x-type": "number", "maximum": 2100, "minimum": 2000, "x-label": {"en": "Year", "zh": "年度"}, "x-scale": 0, "x-indexed": true}, "month": {"x-id": "fld_sales_target_month", "x-type": "number", "maximum": 12, "minimum": 1, "x-label": {"en": "Month", "zh": "月份"}, "x-scale": 0, "description": "Empty for a yearly target."}, "amount": {"x-id": "fld_sales_target_amount", "x-type": "currency", "minimum": 0, "x-label": {"en": "Target amount", "zh": "目标金额"}, "x-scale": 2, "x-currency": "CNY", "x-precision": 18}, "assignee": {"x-id": "fld_sales_target_assignee", "x-type": "user", "x-label": {"en": "Salesperson", "zh": "销售人员"}, "x-indexed": true}, "achieved_amount": {"x-id": "fld_sales_target_achieved_amount", "x-type": "currency", "minimum": 0, "x-label": {"en": "Achieved", "zh": "已完成金额"}, "x-scale": 2, "x-currency": "CNY", "x-precision": 18}}, "x-label-plural": {"en": "Sales targets", "zh": "销售目标"}, "x-display-field": "name", "additionalProperties": false}, {"type": "object", "x-name": "survey", "x-label": {"en": "Satisfaction survey", "zh": "满意度调查"}, "required": ["title", "customer"], "x-plural": "surveys", "x-indexes": [["customer", "-surveyed_at"]], "properties": {"score": {"x-id": "fld_survey_score", "x-type": "rating:stars", "maximum": 5, "minimum": 1, "x-label": {"en": "Score", "zh": "评分"}}, "title": {"x-id": "fld_survey_title", "x-type": "text", "x-label": {"en": "Title", "zh": "标题"}, "maxLength": 200}, "channel": {"x-id": "fld_survey_channel", "x-type": "select", "x-label": {"en": "Channel", "zh": "调查渠道"}, "x-options": [{"label": {"en": "Phone", "zh": "电话"}, "value": "phone"}, {"label": {"en": "Email", "zh": "邮件"}, "value": "email"}, {"label": {"en": "SMS", "zh": "短信"}, "value": "sms"}, {"label": {"en": "WeChat", "zh": "微信"}, "value": "wechat"}]}, "comment": {"x-id": "fld_survey_comment", "x-type": "textarea", "x-label": {"en": "Comment", "zh": "评价"}, "maxLength": 5000}, "contact": {"x-id": "fld_survey_contact", "x-type": "relation", "x-label": {"en": "Contact", "zh": "联系人"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "contact", "onDelete": "set-null"}}, "customer": {"x-id": "fld_survey_customer", "x-type": "relation", "x-label": {"en": "Customer", "zh": "客户"}, "x-indexed": true, "x-relation": {"kind": "many-to-one", "entity": "customer", "onDelete": "cascade"}}, "surveyed_at": {"x-id": "fld_survey_surveyed_at", "x-type": "datetime", "x-label": {"en": "Surveyed at", "zh": "调查时间"}, "x-indexed": true}}, "x-label-plural": {"en": "Satisfaction surveys", "zh": "满意度调查"}, "x-display-field": "title", "additionalProperties": false}], "workflows": [{"name": "bid_lifecycle", "label": {"en": "Bid lifecycle", "zh": "招投标流程"}, "entity": "bid", "machine": {"id": "bid_lifecycle", "states": {"won": {"type": "final"}, "lost": {"type": "final"}, "notice": {"on": {"DROP": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Do not bid", "zh": "放弃投标"}}, "target": "lost"}, "REGISTER": {"meta": {"label": {"en": "Register", "zh": "报名"}}, "target": "registered"}}}, "opened": {"on": {"WIN": {"meta": {"label": {"en": "Won", "zh": "中标"}}, "target": "won", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Bid won", "template": "Bid {{name}} was won."}}]}, "LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Lost", "zh": "未中标"}}, "target": "lost"}}}, "in_review": {"on": {"APPROVED": {"meta": {"roles": ["admin"]}, "target": "submitted", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Bid approved", "template": "Bid {{name}} passed review; submit before {{deadline}}."}}]}, "REJECTED": {"meta": {"roles": ["admin"]}, "target": "preparing", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Bid rejected", "template": "Bid {{name}} did not pass review."}}]}, "RETURNED": {"meta": {"roles": ["admin"]}, "target": "preparing"}}, "approval": {"steps": [{"id": "sales_manager", "mode": "any", "label": {"en": "Sales manager", "zh": "销售经理"}, "timeout": {"after": 86400000, "escalateTo": {"kind": "role", "roles": ["management"]}}, "approvers": {"kind": "role", "roles": ["sales_manager"]}}, {"id": "management", "mode": "any", "label": {"en": "Management", "zh": "管理层"}, "approvers": {"kind": "role", "roles": ["management"]}, "condition": "bid_amount > 5000000"}], "onApproved": "APPROVED", "onRejected": "REJECTED", "onReturned": "RETURNED", "onWithdrawn": "RETURNED"}}, "preparing": {"on": {"DROP": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Do not bid", "zh": "放弃投标"}}, "target": "lost"}, "SUBMIT_FOR_REVIEW": {"meta": {"label": {"en": "Submit for review", "zh": "提交内部评审"}}, "target": "in_review", "actions": [{"type": "startApproval"}]}}, "after": {"172800000": {"target": "preparing", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Bid reminder", "template": "Bid {{name}} is still in preparation; the deadline is {{deadline}}."}}]}}}, "submitted": {"on": {"OPEN": {"meta": {"label": {"en": "Record bid opening", "zh": "登记开标"}}, "target": "opened"}}, "after": {"1209600000": {"target": "submitted", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Bid reminder", "template": "Bid {{name}} was submitted 14 days ago; record the opening."}}]}}}, "registered": {"on": {"DROP": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Do not bid", "zh": "放弃投标"}}, "target": "lost"}, "PREPARE": {"meta": {"label": {"en": "Start preparing", "zh": "开始准备标书"}}, "target": "preparing"}}, "after": {"259200000": {"target": "registered", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Bid reminder", "template": "Bid {{name}}: registered 3 days ago and not in preparation; the deadline is {{deadline}}."}}]}}}}, "initial": "notice"}, "version": 1, "stateField": "status"}, {"name": "customer_lifecycle", "label": {"en": "Customer lifecycle", "zh": "客户生命周期"}, "entity": "customer", "machine": {"id": "customer_lifecycle", "states": {"lost": {"type": "final"}, "active": {"on": {"LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Mark lost", "zh": "标记流失"}}, "target": "lost"}, "PROMOTE": {"meta": {"label": {"en": "Make key account", "zh": "升级为重点客户"}, "roles": ["sales_manager", "admin"]}, "guard": {"type": "field", "params": {"expression": "annual_revenue >= 10000000"}}, "target": "key_account", "actions": [{"type": "setFields", "params": {"fields": {"level": "A"}}}]}, "GO_DORMANT": {"meta": {"label": {"en": "Mark dormant", "zh": "标记休眠"}}, "target": "dormant"}}, "after": {"7776000000": {"target": "dormant"}}}, "dormant": {"on": {"LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Mark lost", "zh": "标记流失"}}, "target": "lost"}, "REACTIVATE": {"meta": {"label": {"en": "Reactivate", "zh": "重新激活"}}, "target": "active"}}}, "prospect": {"on": {"LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Mark lost", "zh": "标记流失"}}, "target": "lost"}, "ACTIVATE": {"meta": {"label": {"en": "Activate", "zh": "转为活跃"}}, "target": "active", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "New active customer", "template": "{{name}} is now an active customer."}}]}}}, "key_account": {"on": {"LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Mark lost", "zh": "标记流失"}, "roles": ["sales_manager", "admin"]}, "target": "lost"}, "DEMOTE": {"meta": {"label": {"en": "Back to active", "zh": "降为活跃"}, "roles": ["sales_manager", "admin"]}, "target": "active"}}}}, "initial": "prospect"}, "version": 1, "stateField": "lifecycle"}, {"name": "lead_qualification", "label": {"en": "Lead qualification", "zh": "线索跟进与转化"}, "entity": "lead", "machine": {"id": "lead_qualification", "states": {"new": {"on": {"ASSIGN": {"meta": {"label": {"en": "Assign by region", "zh": "按区域分配"}, "roles": ["sales_manager", "marketing", "admin"]}, "target": "new", "actions": [{"type": "assignOwner", "params": {"pool": "lead", "rules": [{"when": "region == ''east'' || region == ''north'' || region == ''northeast''", "users": ["sales1"]}, {"when": "region == ''south'' || region == ''west'' || region == ''central''", "users": ["sales2"]}], "fallback": ["sales1", "sales2"], "strategy": "rules"}}, {"type": "notify", "params": {"to": ["owner"], "subject": "New lead assigned", "template": "Lead {{name}} ({{company}}) was assigned to you."}}]}, "CONTACT": {"meta": {"label": {"en": "Mark contacted", "zh": "标记已联系"}}, "target": "contacted"}, "DISQUALIFY": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Disqualify", "zh": "标记无效"}}, "target": "disqualified"}}, "after": {"259200000": {"target": "new", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Lead not contacted", "template": "Lead {{name}} ({{company}}) has not been contacted for 3 days."}}]}}}, "contacted": {"on": {"QUALIFY": {"meta": {"label": {"en": "Qualify", "zh": "确认有效"}}, "guard": {"type": "field", "params": {"expression": "score >= 40"}}, "target": "qualified"}, "DISQUALIFY": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Disqualify", "zh": "标记无效"}}, "target": "disqualified"}}}, "converted": {"type": "final"}, "qualified": {"on": {"CONVERT": {"meta": {"label": {"en": "Convert to customer", "zh": "转化为客户"}}, "target": "converted", "actions": [{"type": "createRecord", "params": {"as": "customer", "entity": "customer", "values": {"name": {"$expr": "company"}, "email": {"$expr": "email"}, "phone": {"$expr": "phone"}, "region": {"$expr": "region"}, "industry": {"$expr": "industry"}}, "backLink": "converted_customer"}}, {"type": "createRecord", "params": {"entity": "contact", "values": {"name": {"$expr": "name"}, "email": {"$expr": "email"}, "phone": {"$expr": "phone"}, "customer": {"$created": "customer"}, "is_primary": true}}}, {"type": "createRecord", "params": {"link": "lead", "entity": "opportunity", "values": {"name": {"$expr": "company + '' — '' + name"}, "customer": {"$created": "customer"}}}}, {"type": "notify", "params": {"to": ["owner"], "subject": "Lead converted", "template": "Lead {{name}} ({{company}}) was converted."}}]}, "DISQUALIFY": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Disqualify", "zh": "标记无效"}}, "target": "disqualified"}}}, "disqualified": {"type": "final"}}, "initial": "new"}, "version": 1, "stateField": "status"}, {"name": "opportunity_pipeline", "label": {"en": "Opportunity pipeline", "zh": "商机销售阶段"}, "entity": "opportunity", "machine": {"id": "opportunity_pipeline", "states": {"won": {"type": "final"}, "lost": {"type": "final"}, "proposal": {"on": {"BACK": {"meta": {"label": {"en": "Previous stage", "zh": "退回上一阶段"}}, "target": "needs_analysis", "actions": [{"type": "setFields", "params": {"fields": {"probability": 30}}}]}, "LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Mark lost", "zh": "输单"}}, "target": "lost", "actions": [{"type": "setFields", "params": {"fields": {"probability": 0}}}]}, "ADVANCE": {"meta": {"label": {"en": "Next stage", "zh": "推进到下一阶段"}}, "target": "negotiation", "actions": [{"type": "setFields", "params": {"fields": {"probability": 75}}}]}}}, "negotiation": {"on": {"WIN": {"meta": {"label": {"en": "Mark won", "zh": "赢单"}}, "target": "won", "actions": [{"type": "setFields", "params": {"fields": {"probability": 100}}}, {"type": "notify", "params": {"to": ["owner"], "subject": "Deal won", "template": "{{name}} was won."}}]}, "BACK": {"meta": {"label": {"en": "Previous stage", "zh": "退回上一阶段"}}, "target": "proposal", "actions": [{"type": "setFields", "params": {"fields": {"probability": 50}}}]}, "LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Mark lost", "zh": "输单"}}, "target": "lost", "actions": [{"type": "setFields", "params": {"fields": {"probability": 0}}}]}}}, "qualification": {"on": {"LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Mark lost", "zh": "输单"}}, "target": "lost", "actions": [{"type": "setFields", "params": {"fields": {"probability": 0}}}]}, "ADVANCE": {"meta": {"label": {"en": "Next stage", "zh": "推进到下一阶段"}}, "target": "needs_analysis", "actions": [{"type": "setFields", "params": {"fields": {"probability": 30}}}]}}}, "needs_analysis": {"on": {"BACK": {"meta": {"label": {"en": "Previous stage", "zh": "退回上一阶段"}}, "target": "qualification", "actions": [{"type": "setFields", "params": {"fields": {"probability": 10}}}]}, "LOSE": {"meta": {"form": {"required": ["reason"], "properties": {"reason": {"type": "string", "title": "Reason", "maxLength": 500, "minLength": 2}}}, "label": {"en": "Mark lost", "zh": "输单"}}, "target": "lost", "actions": [{"type": "setFields", "params": {"fields": {"probability": 0}}}]}, "ADVANCE": {"meta": {"label": {"en": "Next stage", "zh": "推进到下一阶段"}}, "target": "proposal", "actions": [{"type": "setFields", "params": {"fields": {"probability": 50}}}]}}}}, "initial": "qualification"}, "version": 1, "stateField": "stage"}, {"name": "payment_collection", "label": {"en": "Payment collection", "zh": "回款跟踪"}, "entity": "payment_plan", "machine": {"id": "payment_collection", "states": {"paid": {"type": "final"}, "overdue": {"on": {"RECEIVE_ALL": {"meta": {"label": {"en": "Record full payment", "zh": "登记全部回款"}}, "target": "paid"}, "RECEIVE_PART": {"meta": {"label": {"en": "Record partial payment", "zh": "登记部分回款"}}, "target": "partially_paid"}}, "after": {"604800000": {"target": "overdue", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Payment still overdue", "template": "Payment {{name}} is still overdue (due {{due_date}})."}}]}}}, "planned": {"on": {"INVOICE": {"meta": {"label": {"en": "Invoice sent", "zh": "已开票催款"}}, "target": "invoiced"}, "RECEIVE_ALL": {"meta": {"label": {"en": "Record full payment", "zh": "登记全部回款"}}, "target": "paid"}, "RECEIVE_PART": {"meta": {"label": {"en": "Record partial payment", "zh": "登记部分回款"}}, "target": "partially_paid"}}}, "invoiced": {"on": {"RECEIVE_ALL": {"meta": {"label": {"en": "Record full payment", "zh": "登记全部回款"}}, "target": "paid"}, "RECEIVE_PART": {"meta": {"label": {"en": "Record partial payment", "zh": "登记部分回款"}}, "target": "partially_paid"}}, "after": {"2592000000": {"guard": {"type": "field", "params": {"expression": "received_amount == null || received_amount < amount"}}, "target": "overdue", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Payment overdue", "template": "Payment {{name}} ({{amount}}) was due on {{due_date}} and is overdue."}}]}}}, "partially_paid": {"on": {"RECEIVE_ALL": {"meta": {"label": {"en": "Record full payment", "zh": "登记全部回款"}}, "target": "paid"}}, "after": {"2592000000": {"guard": {"type": "field", "params": {"expression": "received_amount == null || received_amount < amount"}}, "target": "overdue", "actions": [{"type": "notify", "params": {"to": ["owner"], "subject": "Payment overdue", "template": "Payment {{name}} ({{amount}}) was due on {{due_date}} and is overdue."}}]}}}}, "initial": "planned"}, "version": 1, "stateField": "status"}, {"name": "quote_discount", "label": {"en": "Quote discount approval", "zh": "报价折扣审批"}, "entity": "quote", "machine": {"states": {"draft": {"on": {"SUBMIT": {"meta": {"label": {"en": "Submit for approval", "zh": "提交审批"}}, "target": "pending_approval", "actions": [{"type": "startApproval"}]}}}, "approved": {"type": "final"}, "rejected": {"type": "final"}, "pending_approval": {"on": {"APPROVED": {"meta": {"roles": ["admin"]}, "target": "approved"}, "REJECTED": {"meta": {"roles": ["admin"]}, "target": "rejected"}, "RETURNED": {"meta": {"roles": ["admin"]}, "target": "draft"}}, "approval": {"steps": [{"id": "sales_manager", "mode": "any", "label": {"en": "Sales manager", "zh": "销售经理"}, "timeout": {"after": 86400000, "escalateTo": {"kind": "role", "roles": ["management"]}}, "approvers": {"kind": "role", "roles": ["sales_manager"]}, "condition": "discount > 10"}, {"id": "management", "mode": "any", "label": {"en": "Management", "zh": "管理层"}, "approvers": {"kind": "role", "roles": ["management"]}, "condition": "discount > 20"}], "summary": ["customer", "amount", "discount"], "onApproved": "APPROVED", "onRejected": "REJECTED", "onReturned": "RETURNED", "onWithdrawn": "RETURNED"}}}, "initial": "draft"}, "version": 1, "stateField": "status"}], "dashboards": [{"name": "sales", "cards": [{"id": "opportunity-funnel", "chart": "funnel", "group": "stage", "title": {"en": "Pipeline by stage (amount)", "zh": "各阶段商机金额"}, "entity": "opportunity", "filter": {"stage": {"ne": "lost"}}, "measure": "sum:amount"}, {"id": "won-amount", "chart": "number", "title": {"en": "Won amount", "zh": "赢单金额"}, "entity": "opportunity", "filter": {"stage": {"eq": "won"}}, "measure": "sum:amount"}, {"id": "customer-industry", "chart": "bar", "group": "industry", "title": {"en": "Customers by industry", "zh": "按行业统计客户"}, "entity": "customer", "measure": "count"}, {"id": "customer-level", "chart": "pie", "group": "level", "title": {"en": "Customers by level", "zh": "按等级统计客户"}, "entity": "customer", "measure": "count"}, {"id": "sales-by-owner", "chart": "bar", "group": "owner", "title": {"en": "Won amount by salesperson", "zh": "各销售赢单金额"}, "entity": "opportunity", "filter": {"stage": {"eq": "won"}}, "measure": "sum:amount"}, {"id": "sales-by-month", "chart": "line", "group": "ordered_at:month", "title": {"en": "Orders by month (amount)", "zh": "每月订单金额"}, "width": 2, "entity": "order", "filter": {"status": {"ne": "cancelled"}}, "measure": "sum:amount"}, {"id": "payment-collection", "chart": "bar", "group": "status", "title": {"en": "Payment collection by status", "zh": "回款计划状态（金额）"}, "entity": "payment_plan", "measure": "sum:amount"}], "label": {"en": "Sales", "zh": "销售"}}], "permissions": {"roles": {"partner": {"label": {"en": "Partner (dealer/agent)", "zh": "合作伙伴（经销商/代理商）"}, "entities": {"customer": {"scope": "own", "fields": {"credit_rating": "hidden", "annual_revenue": "hidden"}, "actions": ["read", "create", "update"]}, "follow_up": {"scope": "own", "actions": ["read", "create", "update"]}, "opportunity": {"scope": "own", "actions": ["read", "create", "update", "transition"]}}}, "service": {"label": {"en": "Service", "zh": "客服"}, "entities": {"survey": {"scope": "all", "actions": ["read", "create", "update", "delete", "export"]}, "contact": {"scope": "all", "actions": ["read", "update"]}, "customer": {"scope": "all", "fields": {"credit_rating": "hidden", "annual_revenue": "hidden"}, "actions": ["read"]}, "follow_up": {"scope": "all", "actions": ["read", "create", "update"]}}}, "marketing": {"label": {"en": "Marketing", "zh": "市场"}, "entities": {"lead": {"scope": "all", "actions": ["read", "create", "update", "delete", "export", "transition", "transfer"]}, "survey": {"scope": "all", "actions": ["read", "export"]}, "contact": {"scope": "all", "fields": {"phone": "hidden", "birthday": "hidden"}, "actions": ["read", "export"]}, "customer": {"scope": "all", "fields": {"credit_rating": "hidden", "annual_revenue": "hidden"}, "actions": ["read", "export"]}, "opportunity": {"scope": "all", "fields": {"amount": "hidden"}, "actions": ["read"]}}}, "sales_rep": {"label": {"en": "Sales rep", "zh": "销售代表"}, "entities": {"bid": {"scope": "own", "actions": ["read", "create", "update", "transition"]}, "lead": {"scope": "own", "actions": ["read", "create", "update", "transition"]}, "order": {"scope": "own", "actions": ["read", "create", "update"]}, "quote": {"scope": "own", "actions": ["read", "create", "update"]}, "survey": {"scope": "own", "actions": ["read"]}, "contact": {"scope": "own", "actions": ["read", "create", "update", "delete"]}, "contract": {"scope": "own", "actions": ["read", "create", "update"]}, "customer": {"scope": "own", "fields": {"credit_rating": "read"}, "actions": ["read", "create", "update", "export", "share", "claim"]}, "follow_up": {"scope": "own", "actions": ["read", "create", "update", "delete"]}, "opportunity": {"scope": "own", "actions": ["read", "create", "update", "transition"]}, "payment_plan": {"scope": "own", "actions": ["read", "update", "transition"]}, "sales_target": {"scope": "own", "actions": ["read"]}}}, "management": {"label": {"en": "Management", "zh": "管理层"}, "entities": {"bid": {"scope": "all", "actions": ["read", "export", "approve"]}, "lead": {"scope": "all", "actions": ["read", "export"]}, "order": {"scope": "all", "actions": ["read", "export"]}, "quote": {"scope": "all", "actions": ["read", "export"]}, "survey": {"scope": "all", "actions": ["read", "export"]}, "contact": {"scope": "all", "actions": ["read", "export"]}, "contract": {"scope": "all", "actions": ["read", "export", "approve"]}, "customer": {"scope": "all", "actions": ["read", "export", "approve"]}, "follow_up": {"scope": "all", "actions": ["read", "export"]}, "opportunity": {"scope": "all", "actions": ["read", "export"]}, "payment_plan": {"scope": "all", "actions": ["read", "export"]}, "sales_target": {"scope": "all", "actions": ["read", "export"]}}}, "sales_manager": {"label": {"en": "Sales manager", "zh": "销售经理"}, "entities": {"bid": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transition", "approve"]}, "lead": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transition", "transfer"]}, "order": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transition"]}, "quote": {"scope": "department", "actions": ["read", "create", "update", "export"]}, "survey": {"scope": "department", "actions": ["read", "export"]}, "contact": {"scope": "department", "actions": ["read", "create", "update", "delete", "export"]}, "contract": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transition", "approve"]}, "customer": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transfer", "share", "approve"]}, "follow_up": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transition"]}, "opportunity": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transition", "transfer"]}, "payment_plan": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transition"]}, "sales_target": {"scope": "department", "actions": ["read", "create", "update", "delete", "export", "transition"]}}}}, "$comment": "Who may do what in the example CRM (issue 5). admin has everything and is not listed. An entity a role does not list is invisible to it; a field not listed under fields is readable and writable. Sales reps see their own records, the sales manager the department, management reads all, service owns follow-ups and surveys, marketing owns leads, partners see only what they own."}}', 'files', 'dfc7211e86ea0ba6235ac653c664a203fe2cdb157d2f382d0a981ee6c06e9240', '2026-12-07 00:18:07.378642+00');


--
-- Data for Name: migration_history; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.migration_history VALUES (1, 'crm', 0, 1, '[{"sql": ["create schema if not exists \"app_crm\""], "kind": "create-schema", "safe": true, "description": "Create schema app_crm", "destructive": false}, {"sql": ["create table \"app_crm\".\"bid\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(200), \"tender_no\" varchar(50), \"customer\" uuid, \"opportunity\" uuid, \"budget\" decimal(18, 2), \"bid_amount\" decimal(18, 2), \"deadline\" timestamptz, \"opening_at\" timestamptz, \"status\" text, \"notes\" text, constraint \"bid_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table bid", "destructive": false}, {"sql": ["create table \"app_crm\".\"contact\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(100), \"customer\" uuid, \"title\" varchar(100), \"phone\" varchar(32), \"email\" text, \"birthday\" date, \"is_primary\" boolean, \"last_contacted_at\" timestamptz, \"notes\" text, constraint \"contact_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table contact", "destructive": false}, {"sql": ["create table \"app_crm\".\"contract\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(200), \"contract_no\" varchar(50), \"customer\" uuid, \"opportunity\" uuid, \"amount\" decimal(18, 2), \"signed_at\" date, \"end_date\" date, \"status\" text, constraint \"contract_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table contract", "destructive": false}, {"sql": ["create table \"app_crm\".\"customer\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(200), \"industry\" text, \"level\" text, \"region\" text, \"address_region\" varchar(12), \"phone\" varchar(32), \"email\" text, \"annual_revenue\" decimal(18, 2), \"credit_rating\" text, \"satisfaction\" smallint, \"lifecycle\" text, constraint \"customer_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table customer", "destructive": false}, {"sql": ["create table \"app_crm\".\"follow_up\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"subject\" varchar(200), \"method\" text, \"customer\" uuid, \"contact\" uuid, \"lead\" uuid, \"opportunity\" uuid, \"occurred_at\" timestamptz, \"next_contact_at\" timestamptz, \"content\" text, constraint \"follow_up_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table follow_up", "destructive": false}, {"sql": ["create table \"app_crm\".\"lead\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(100), \"company\" varchar(200), \"phone\" varchar(32), \"email\" text, \"source\" text, \"industry\" text, \"region\" text, \"score\" decimal(18, 0), \"status\" text, \"disqualify_reason\" text, \"converted_customer\" uuid, constraint \"lead_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table lead", "destructive": false}, {"sql": ["create table \"app_crm\".\"opportunity\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(200), \"customer\" uuid, \"lead\" uuid, \"amount\" decimal(18, 2), \"stage\" text, \"probability\" decimal(3, 0), \"expected_close\" date, \"lost_reason\" text, constraint \"opportunity_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table opportunity", "destructive": false}, {"sql": ["create table \"app_crm\".\"order\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"order_no\" varchar(50), \"contract\" uuid, \"customer\" uuid, \"amount\" decimal(18, 2), \"ordered_at\" date, \"status\" text, constraint \"order_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table order", "destructive": false}, {"sql": ["create table \"app_crm\".\"payment_plan\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(200), \"contract\" uuid, \"customer\" uuid, \"installment\" decimal(18, 0), \"due_date\" date, \"amount\" decimal(18, 2), \"received_amount\" decimal(18, 2), \"received_at\" date, \"status\" text, constraint \"payment_plan_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table payment_plan", "destructive": false}, {"sql": ["create table \"app_crm\".\"quote\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(200), \"customer\" uuid, \"currency_code\" text, \"amount\" decimal(18, 2), \"discount\" decimal(5, 2), \"status\" text, constraint \"quote_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table quote", "destructive": false}, {"sql": ["create table \"app_crm\".\"sales_target\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"name\" varchar(200), \"assignee\" uuid, \"year\" decimal(18, 0), \"month\" decimal(18, 0), \"amount\" decimal(18, 2), \"achieved_amount\" decimal(18, 2), constraint \"sales_target_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table sales_target", "destructive": false}, {"sql": ["create table \"app_crm\".\"survey\" (\"id\" uuid not null default gen_random_uuid(), \"created_at\" timestamptz not null default now(), \"updated_at\" timestamptz not null default now(), \"created_by\" uuid, \"owner\" uuid, \"version\" integer not null default ''1'', \"title\" varchar(200), \"customer\" uuid, \"contact\" uuid, \"score\" smallint, \"channel\" text, \"surveyed_at\" timestamptz, \"comment\" text, constraint \"survey_pkey\" primary key (\"id\"))"], "kind": "create-table", "safe": true, "description": "Create table survey", "destructive": false}, {"sql": ["alter table \"app_crm\".\"bid\" add constraint \"bid_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key bid_customer_fkey on bid.customer (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"bid\" add constraint \"bid_opportunity_fkey\" foreign key (\"opportunity\") references \"app_crm\".\"opportunity\" (\"id\") on delete SET NULL"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key bid_opportunity_fkey on bid.opportunity (on delete set-null)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"contact\" add constraint \"contact_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key contact_customer_fkey on contact.customer (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"contract\" add constraint \"contract_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete RESTRICT"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key contract_customer_fkey on contract.customer (on delete restrict)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"contract\" add constraint \"contract_opportunity_fkey\" foreign key (\"opportunity\") references \"app_crm\".\"opportunity\" (\"id\") on delete SET NULL"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key contract_opportunity_fkey on contract.opportunity (on delete set-null)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"follow_up\" add constraint \"follow_up_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key follow_up_customer_fkey on follow_up.customer (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"follow_up\" add constraint \"follow_up_contact_fkey\" foreign key (\"contact\") references \"app_crm\".\"contact\" (\"id\") on delete SET NULL"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key follow_up_contact_fkey on follow_up.contact (on delete set-null)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"follow_up\" add constraint \"follow_up_lead_fkey\" foreign key (\"lead\") references \"app_crm\".\"lead\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key follow_up_lead_fkey on follow_up.lead (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"follow_up\" add constraint \"follow_up_opportunity_fkey\" foreign key (\"opportunity\") references \"app_crm\".\"opportunity\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key follow_up_opportunity_fkey on follow_up.opportunity (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"lead\" add constraint \"lead_converted_customer_fkey\" foreign key (\"converted_customer\") references \"app_crm\".\"customer\" (\"id\") on delete SET NULL"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key lead_converted_customer_fkey on lead.converted_customer (on delete set-null)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"opportunity\" add constraint \"opportunity_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key opportunity_customer_fkey on opportunity.customer (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"opportunity\" add constraint \"opportunity_lead_fkey\" foreign key (\"lead\") references \"app_crm\".\"lead\" (\"id\") on delete SET NULL"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key opportunity_lead_fkey on opportunity.lead (on delete set-null)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"order\" add constraint \"order_contract_fkey\" foreign key (\"contract\") references \"app_crm\".\"contract\" (\"id\") on delete RESTRICT"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key order_contract_fkey on order.contract (on delete restrict)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"order\" add constraint \"order_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete RESTRICT"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key order_customer_fkey on order.customer (on delete restrict)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"payment_plan\" add constraint \"payment_plan_contract_fkey\" foreign key (\"contract\") references \"app_crm\".\"contract\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key payment_plan_contract_fkey on payment_plan.contract (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"payment_plan\" add constraint \"payment_plan_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key payment_plan_customer_fkey on payment_plan.customer (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"quote\" add constraint \"quote_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key quote_customer_fkey on quote.customer (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"survey\" add constraint \"survey_customer_fkey\" foreign key (\"customer\") references \"app_crm\".\"customer\" (\"id\") on delete CASCADE"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key survey_customer_fkey on survey.customer (on delete cascade)", "destructive": false}, {"sql": ["alter table \"app_crm\".\"survey\" add constraint \"survey_contact_fkey\" foreign key (\"contact\") references \"app_crm\".\"contact\" (\"id\") on delete SET NULL"], "kind": "add-foreign-key", "safe": true, "description": "Add foreign key survey_contact_fkey on survey.contact (on delete set-null)", "destructive": false}, {"sql": ["create index \"bid_created_at_id_idx\" on \"app_crm\".\"bid\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index bid_created_at_id_idx on bid", "destructive": false}, {"sql": ["create index \"bid_tender_no_idx\" on \"app_crm\".\"bid\" (\"tender_no\")"], "kind": "add-index", "safe": true, "description": "Add index bid_tender_no_idx on bid", "destructive": false}, {"sql": ["create index \"bid_customer_idx\" on \"app_crm\".\"bid\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index bid_customer_idx on bid", "destructive": false}, {"sql": ["create index \"bid_opportunity_idx\" on \"app_crm\".\"bid\" (\"opportunity\")"], "kind": "add-index", "safe": true, "description": "Add index bid_opportunity_idx on bid", "destructive": false}, {"sql": ["create index \"bid_bid_amount_idx\" on \"app_crm\".\"bid\" (\"bid_amount\")"], "kind": "add-index", "safe": true, "description": "Add index bid_bid_amount_idx on bid", "destructive": false}, {"sql": ["create index \"bid_deadline_idx\" on \"app_crm\".\"bid\" (\"deadline\")"], "kind": "add-index", "safe": true, "description": "Add index bid_deadline_idx on bid", "destructive": false}, {"sql": ["create index \"bid_status_idx\" on \"app_crm\".\"bid\" (\"status\")"], "kind": "add-index", "safe": true, "description": "Add index bid_status_idx on bid", "destructive": false}, {"sql": ["create index \"bid_status_deadline_idx\" on \"app_crm\".\"bid\" (\"status\", \"deadline\")"], "kind": "add-index", "safe": true, "description": "Add index bid_status_deadline_idx on bid", "destructive": false}, {"sql": ["create index \"contact_created_at_id_idx\" on \"app_crm\".\"contact\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index contact_created_at_id_idx on contact", "destructive": false}, {"sql": ["create index \"contact_customer_idx\" on \"app_crm\".\"contact\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index contact_customer_idx on contact", "destructive": false}, {"sql": ["create index \"contract_created_at_id_idx\" on \"app_crm\".\"contract\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index contract_created_at_id_idx on contract", "destructive": false}, {"sql": ["create index \"contract_contract_no_idx\" on \"app_crm\".\"contract\" (\"contract_no\")"], "kind": "add-index", "safe": true, "description": "Add index contract_contract_no_idx on contract", "destructive": false}, {"sql": ["create index \"contract_customer_idx\" on \"app_crm\".\"contract\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index contract_customer_idx on contract", "destructive": false}, {"sql": ["create index \"contract_opportunity_idx\" on \"app_crm\".\"contract\" (\"opportunity\")"], "kind": "add-index", "safe": true, "description": "Add index contract_opportunity_idx on contract", "destructive": false}, {"sql": ["create index \"contract_amount_idx\" on \"app_crm\".\"contract\" (\"amount\")"], "kind": "add-index", "safe": true, "description": "Add index contract_amount_idx on contract", "destructive": false}, {"sql": ["create index \"contract_signed_at_idx\" on \"app_crm\".\"contract\" (\"signed_at\")"], "kind": "add-index", "safe": true, "description": "Add index contract_signed_at_idx on contract", "destructive": false}, {"sql": ["create index \"contract_status_idx\" on \"app_crm\".\"contract\" (\"status\")"], "kind": "add-index", "safe": true, "description": "Add index contract_status_idx on contract", "destructive": false}, {"sql": ["create index \"contract_status_signed_at_desc_id_desc_idx\" on \"app_crm\".\"contract\" (\"status\", \"signed_at\" desc nulls last, \"id\" desc)"], "kind": "add-index", "safe": true, "description": "Add index contract_status_signed_at_desc_id_desc_idx on contract", "destructive": false}, {"sql": ["create index \"customer_created_at_id_idx\" on \"app_crm\".\"customer\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index customer_created_at_id_idx on customer", "destructive": false}, {"sql": ["create index \"customer_industry_idx\" on \"app_crm\".\"customer\" (\"industry\")"], "kind": "add-index", "safe": true, "description": "Add index customer_industry_idx on customer", "destructive": false}, {"sql": ["create index \"customer_level_idx\" on \"app_crm\".\"customer\" (\"level\")"], "kind": "add-index", "safe": true, "description": "Add index customer_level_idx on customer", "destructive": false}, {"sql": ["create index \"customer_region_idx\" on \"app_crm\".\"customer\" (\"region\")"], "kind": "add-index", "safe": true, "description": "Add index customer_region_idx on customer", "destructive": false}, {"sql": ["create index \"customer_address_region_idx\" on \"app_crm\".\"customer\" (\"address_region\")"], "kind": "add-index", "safe": true, "description": "Add index customer_address_region_idx on customer", "destructive": false}, {"sql": ["create index \"customer_annual_revenue_idx\" on \"app_crm\".\"customer\" (\"annual_revenue\")"], "kind": "add-index", "safe": true, "description": "Add index customer_annual_revenue_idx on customer", "destructive": false}, {"sql": ["create index \"customer_industry_level_annual_revenue_desc_id_desc_idx\" on \"app_crm\".\"customer\" (\"industry\", \"level\", \"annual_revenue\" desc nulls last, \"id\" desc)"], "kind": "add-index", "safe": true, "description": "Add index customer_industry_level_annual_revenue_desc_id_desc_idx on customer", "destructive": false}, {"sql": ["create index \"follow_up_created_at_id_idx\" on \"app_crm\".\"follow_up\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index follow_up_created_at_id_idx on follow_up", "destructive": false}, {"sql": ["create index \"follow_up_method_idx\" on \"app_crm\".\"follow_up\" (\"method\")"], "kind": "add-index", "safe": true, "description": "Add index follow_up_method_idx on follow_up", "destructive": false}, {"sql": ["create index \"follow_up_customer_idx\" on \"app_crm\".\"follow_up\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index follow_up_customer_idx on follow_up", "destructive": false}, {"sql": ["create index \"follow_up_contact_idx\" on \"app_crm\".\"follow_up\" (\"contact\")"], "kind": "add-index", "safe": true, "description": "Add index follow_up_contact_idx on follow_up", "destructive": false}, {"sql": ["create index \"follow_up_lead_idx\" on \"app_crm\".\"follow_up\" (\"lead\")"], "kind": "add-index", "safe": true, "description": "Add index follow_up_lead_idx on follow_up", "destructive": false}, {"sql": ["create index \"follow_up_opportunity_idx\" on \"app_crm\".\"follow_up\" (\"opportunity\")"], "kind": "add-index", "safe": true, "description": "Add index follow_up_opportunity_idx on follow_up", "destructive": false}, {"sql": ["create index \"follow_up_occurred_at_idx\" on \"app_crm\".\"follow_up\" (\"occurred_at\")"], "kind": "add-index", "safe": true, "description": "Add index follow_up_occurred_at_idx on follow_up", "destructive": false}, {"sql": ["create index \"follow_up_next_contact_at_idx\" on \"app_crm\".\"follow_up\" (\"next_contact_at\")"], "kind": "add-index", "safe": true, "description": "Add index follow_up_next_contact_at_idx on follow_up", "destructive": false}, {"sql": ["create index \"follow_up_customer_occurred_at_desc_idx\" on \"app_crm\".\"follow_up\" (\"customer\", \"occurred_at\" desc nulls last)"], "kind": "add-index", "safe": true, "description": "Add index follow_up_customer_occurred_at_desc_idx on follow_up", "destructive": false}, {"sql": ["create index \"lead_created_at_id_idx\" on \"app_crm\".\"lead\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index lead_created_at_id_idx on lead", "destructive": false}, {"sql": ["create index \"lead_company_idx\" on \"app_crm\".\"lead\" (\"company\")"], "kind": "add-index", "safe": true, "description": "Add index lead_company_idx on lead", "destructive": false}, {"sql": ["create index \"lead_source_idx\" on \"app_crm\".\"lead\" (\"source\")"], "kind": "add-index", "safe": true, "description": "Add index lead_source_idx on lead", "destructive": false}, {"sql": ["create index \"lead_industry_idx\" on \"app_crm\".\"lead\" (\"industry\")"], "kind": "add-index", "safe": true, "description": "Add index lead_industry_idx on lead", "destructive": false}, {"sql": ["create index \"lead_region_idx\" on \"app_crm\".\"lead\" (\"region\")"], "kind": "add-index", "safe": true, "description": "Add index lead_region_idx on lead", "destructive": false}, {"sql": ["create index \"lead_score_idx\" on \"app_crm\".\"lead\" (\"score\")"], "kind": "add-index", "safe": true, "description": "Add index lead_score_idx on lead", "destructive": false}, {"sql": ["create index \"lead_status_idx\" on \"app_crm\".\"lead\" (\"status\")"], "kind": "add-index", "safe": true, "description": "Add index lead_status_idx on lead", "destructive": false}, {"sql": ["create index \"lead_converted_customer_idx\" on \"app_crm\".\"lead\" (\"converted_customer\")"], "kind": "add-index", "safe": true, "description": "Add index lead_converted_customer_idx on lead", "destructive": false}, {"sql": ["create index \"lead_status_score_desc_id_desc_idx\" on \"app_crm\".\"lead\" (\"status\", \"score\" desc nulls last, \"id\" desc)"], "kind": "add-index", "safe": true, "description": "Add index lead_status_score_desc_id_desc_idx on lead", "destructive": false}, {"sql": ["create index \"opportunity_created_at_id_idx\" on \"app_crm\".\"opportunity\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index opportunity_created_at_id_idx on opportunity", "destructive": false}, {"sql": ["create index \"opportunity_customer_idx\" on \"app_crm\".\"opportunity\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index opportunity_customer_idx on opportunity", "destructive": false}, {"sql": ["create index \"opportunity_lead_idx\" on \"app_crm\".\"opportunity\" (\"lead\")"], "kind": "add-index", "safe": true, "description": "Add index opportunity_lead_idx on opportunity", "destructive": false}, {"sql": ["create index \"opportunity_amount_idx\" on \"app_crm\".\"opportunity\" (\"amount\")"], "kind": "add-index", "safe": true, "description": "Add index opportunity_amount_idx on opportunity", "destructive": false}, {"sql": ["create index \"opportunity_stage_idx\" on \"app_crm\".\"opportunity\" (\"stage\")"], "kind": "add-index", "safe": true, "description": "Add index opportunity_stage_idx on opportunity", "destructive": false}, {"sql": ["create index \"opportunity_expected_close_idx\" on \"app_crm\".\"opportunity\" (\"expected_close\")"], "kind": "add-index", "safe": true, "description": "Add index opportunity_expected_close_idx on opportunity", "destructive": false}, {"sql": ["create index \"opportunity_stage_amount_desc_id_desc_idx\" on \"app_crm\".\"opportunity\" (\"stage\", \"amount\" desc nulls last, \"id\" desc)"], "kind": "add-index", "safe": true, "description": "Add index opportunity_stage_amount_desc_id_desc_idx on opportunity", "destructive": false}, {"sql": ["create index \"order_created_at_id_idx\" on \"app_crm\".\"order\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index order_created_at_id_idx on order", "destructive": false}, {"sql": ["create index \"order_contract_idx\" on \"app_crm\".\"order\" (\"contract\")"], "kind": "add-index", "safe": true, "description": "Add index order_contract_idx on order", "destructive": false}, {"sql": ["create index \"order_customer_idx\" on \"app_crm\".\"order\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index order_customer_idx on order", "destructive": false}, {"sql": ["create index \"order_amount_idx\" on \"app_crm\".\"order\" (\"amount\")"], "kind": "add-index", "safe": true, "description": "Add index order_amount_idx on order", "destructive": false}, {"sql": ["create index \"order_ordered_at_idx\" on \"app_crm\".\"order\" (\"ordered_at\")"], "kind": "add-index", "safe": true, "description": "Add index order_ordered_at_idx on order", "destructive": false}, {"sql": ["create index \"order_status_idx\" on \"app_crm\".\"order\" (\"status\")"], "kind": "add-index", "safe": true, "description": "Add index order_status_idx on order", "destructive": false}, {"sql": ["create index \"order_status_ordered_at_desc_id_desc_idx\" on \"app_crm\".\"order\" (\"status\", \"ordered_at\" desc nulls last, \"id\" desc)"], "kind": "add-index", "safe": true, "description": "Add index order_status_ordered_at_desc_id_desc_idx on order", "destructive": false}, {"sql": ["create index \"payment_plan_created_at_id_idx\" on \"app_crm\".\"payment_plan\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index payment_plan_created_at_id_idx on payment_plan", "destructive": false}, {"sql": ["create index \"payment_plan_contract_idx\" on \"app_crm\".\"payment_plan\" (\"contract\")"], "kind": "add-index", "safe": true, "description": "Add index payment_plan_contract_idx on payment_plan", "destructive": false}, {"sql": ["create index \"payment_plan_customer_idx\" on \"app_crm\".\"payment_plan\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index payment_plan_customer_idx on payment_plan", "destructive": false}, {"sql": ["create index \"payment_plan_due_date_idx\" on \"app_crm\".\"payment_plan\" (\"due_date\")"], "kind": "add-index", "safe": true, "description": "Add index payment_plan_due_date_idx on payment_plan", "destructive": false}, {"sql": ["create index \"payment_plan_status_idx\" on \"app_crm\".\"payment_plan\" (\"status\")"], "kind": "add-index", "safe": true, "description": "Add index payment_plan_status_idx on payment_plan", "destructive": false}, {"sql": ["create index \"payment_plan_status_due_date_id_idx\" on \"app_crm\".\"payment_plan\" (\"status\", \"due_date\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index payment_plan_status_due_date_id_idx on payment_plan", "destructive": false}, {"sql": ["create index \"quote_created_at_id_idx\" on \"app_crm\".\"quote\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index quote_created_at_id_idx on quote", "destructive": false}, {"sql": ["create index \"quote_customer_idx\" on \"app_crm\".\"quote\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index quote_customer_idx on quote", "destructive": false}, {"sql": ["create index \"sales_target_created_at_id_idx\" on \"app_crm\".\"sales_target\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index sales_target_created_at_id_idx on sales_target", "destructive": false}, {"sql": ["create index \"sales_target_assignee_idx\" on \"app_crm\".\"sales_target\" (\"assignee\")"], "kind": "add-index", "safe": true, "description": "Add index sales_target_assignee_idx on sales_target", "destructive": false}, {"sql": ["create index \"sales_target_year_idx\" on \"app_crm\".\"sales_target\" (\"year\")"], "kind": "add-index", "safe": true, "description": "Add index sales_target_year_idx on sales_target", "destructive": false}, {"sql": ["create index \"sales_target_year_month_assignee_idx\" on \"app_crm\".\"sales_target\" (\"year\", \"month\", \"assignee\")"], "kind": "add-index", "safe": true, "description": "Add index sales_target_year_month_assignee_idx on sales_target", "destructive": false}, {"sql": ["create index \"survey_created_at_id_idx\" on \"app_crm\".\"survey\" (\"created_at\", \"id\")"], "kind": "add-index", "safe": true, "description": "Add index survey_created_at_id_idx on survey", "destructive": false}, {"sql": ["create index \"survey_customer_idx\" on \"app_crm\".\"survey\" (\"customer\")"], "kind": "add-index", "safe": true, "description": "Add index survey_customer_idx on survey", "destructive": false}, {"sql": ["create index \"survey_contact_idx\" on \"app_crm\".\"survey\" (\"contact\")"], "kind": "add-index", "safe": true, "description": "Add index survey_contact_idx on survey", "destructive": false}, {"sql": ["create index \"survey_surveyed_at_idx\" on \"app_crm\".\"survey\" (\"surveyed_at\")"], "kind": "add-index", "safe": true, "description": "Add index survey_surveyed_at_idx on survey", "destructive": false}, {"sql": ["create index \"survey_customer_surveyed_at_desc_idx\" on \"app_crm\".\"survey\" (\"customer\", \"surveyed_at\" desc nulls last)"], "kind": "add-index", "safe": true, "description": "Add index survey_customer_surveyed_at_desc_idx on survey", "destructive": false}]', 'v1_20261207t001807', NULL, '2026-12-07 00:18:07.379+00', 'startup', 'apply');


--
-- Data for Name: notifications; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: outbox; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: plugin_route_throttle; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: plugin_state; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.plugin_state VALUES ('crm', '@tessera/plugin-dedup', true, '{"entities": {"contact": {"fields": ["phone", "email"], "children": [{"field": "contact", "entity": "follow_up"}, {"field": "contact", "entity": "survey"}]}, "customer": {"fields": ["name", "phone", "email"], "children": [{"field": "customer", "entity": "contact"}, {"field": "customer", "entity": "follow_up"}, {"field": "customer", "entity": "opportunity"}, {"field": "customer", "entity": "quote"}, {"field": "customer", "entity": "bid"}, {"field": "customer", "entity": "contract"}, {"field": "customer", "entity": "order"}, {"field": "customer", "entity": "payment_plan"}, {"field": "customer", "entity": "survey"}, {"field": "converted_customer", "entity": "lead"}]}}, "mergeRoles": ["admin"]}', '2026-12-07 00:18:08.050371+00', NULL);
INSERT INTO tessera.plugin_state VALUES ('crm', '@tessera/plugin-lead-scoring', true, '{"rules": [{"op": "eq", "field": "source", "value": "referral", "points": 30}, {"op": "eq", "field": "source", "value": "trade_show", "points": 25}, {"op": "eq", "field": "source", "value": "web_form", "points": 20}, {"op": "eq", "field": "source", "value": "api", "points": 10}, {"op": "eq", "field": "source", "value": "import", "points": 5}, {"op": "in", "field": "industry", "value": ["manufacturing", "it", "finance", "energy"], "points": 20}, {"op": "in", "field": "industry", "value": ["healthcare", "education"], "points": 10}, {"op": "in", "field": "region", "value": ["east", "north", "south"], "points": 10}, {"op": "notNull", "field": "company", "points": 10}, {"op": "notNull", "field": "phone", "points": 10}, {"op": "notNull", "field": "email", "points": 10}], "target": {"field": "score", "entity": "lead"}}', '2026-12-07 00:18:08.055603+00', NULL);


--
-- Data for Name: record_shares; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: recurring_jobs; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.recurring_jobs VALUES ('pool:return-stale', '0 2 * * *', 'Asia/Shanghai', 'builtin', '2026-12-07 00:18:08.076+00', NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO tessera.recurring_jobs VALUES ('reminders:send', '*/15 * * * *', 'Asia/Shanghai', 'builtin', '2026-12-07 00:18:08.076+00', NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO tessera.recurring_jobs VALUES ('@tessera/plugin-dedup:backfill-keys', '*/5 * * * *', 'Asia/Shanghai', '@tessera/plugin-dedup', '2026-12-07 00:18:08.076+00', NULL, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: reminders_sent; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: round_robin; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: saved_views; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: sessions; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.sessions VALUES ('fc6062612894f63b0a26a4424334ec9a4f853ab9e37088808f602e321f4d543f', 'd4b594b7-df8c-4707-a2d7-952a14baa177', 'MmpOgiKPHqCj9m_kZHS7R-klIJgwA1Dwq9Mn0KMmbVU', '2026-12-07 00:18:08.238388+00', '2026-12-14 00:18:08.237+00', NULL);
INSERT INTO tessera.sessions VALUES ('d201ee9a4eea25d93d1c6ee6f2dca2f8001dbb237d7a960806dcbc75eec98454', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 'BCWZ1oS-dt8HZ2LHfTTEDSfCJdpi3-aGwX2SMVxag48', '2026-12-07 00:18:08.332508+00', '2026-12-14 00:18:08.332+00', NULL);


--
-- Data for Name: team_members; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.team_members VALUES ('d5542b2b-bb58-499b-a9cb-7a1a03b4e01f', '992864c8-a958-4ba6-9ea7-abfaa2691723', true);
INSERT INTO tessera.team_members VALUES ('5c8cccb6-b824-457c-97a7-ccebd5de89c3', '992864c8-a958-4ba6-9ea7-abfaa2691723', true);
INSERT INTO tessera.team_members VALUES ('d5542b2b-bb58-499b-a9cb-7a1a03b4e01f', 'dc2605ed-ea64-4c99-b38b-04daf31cfa2d', false);
INSERT INTO tessera.team_members VALUES ('5c8cccb6-b824-457c-97a7-ccebd5de89c3', 'ea75df24-d4a9-4617-b38a-704bb3dd7e84', false);


--
-- Data for Name: teams; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.teams VALUES ('d5542b2b-bb58-499b-a9cb-7a1a03b4e01f', 'East team', 'accf12d2-2e86-45c6-93f9-cba8de542cc8', '2026-12-07 00:18:07.754359+00');
INSERT INTO tessera.teams VALUES ('5c8cccb6-b824-457c-97a7-ccebd5de89c3', 'West team', '2ec9bfd4-6eff-4063-9940-861ba91dc408', '2026-12-07 00:18:07.754359+00');


--
-- Data for Name: users; Type: TABLE DATA; Schema: tessera; Owner: -
--

INSERT INTO tessera.users VALUES ('d4b594b7-df8c-4707-a2d7-952a14baa177', 'admin', 'admin@demo.tessera', 'Administrator', '$argon2id$v=19$m=19456,t=2,p=1$+nguX5CLhg/J/EVN0X1PcQ$J8AokeRrxAOI/TxFi6KQACUjas7faBZwY+uPNb+hOZA', '{admin}', '2c04a896-0bf7-4d03-8717-168369e83eda', NULL, true, 0, NULL, '2026-12-07 00:18:07.754359+00', '2026-12-07 00:18:07.754359+00', NULL, NULL);
INSERT INTO tessera.users VALUES ('992864c8-a958-4ba6-9ea7-abfaa2691723', 'manager', 'manager@demo.tessera', 'Chen Jing (sales manager)', '$argon2id$v=19$m=19456,t=2,p=1$PFo4dEhZqnLFGhqnT9zBMg$w4xHpQ/baUwFaLZ1NZiwdQcRaU1eioph+clu/FMC1Zo', '{sales_manager}', '14617a28-e3f5-494f-821a-c1d94229bb4f', NULL, true, 0, NULL, '2026-12-07 00:18:07.754359+00', '2026-12-07 00:18:07.754359+00', NULL, NULL);
INSERT INTO tessera.users VALUES ('b6026ed2-0757-474e-b198-dd2b4e5edecf', 'service', 'service@demo.tessera', 'Liu Yang (service)', '$argon2id$v=19$m=19456,t=2,p=1$cEKA1I951HVNBQqu92ZtvQ$m6P1ZhGhF7APjA91ZBaaoNTWPsI6Tvh7SrvwxcLONn0', '{service}', '888d6a94-c8e1-49c1-bc18-a7155aa60155', NULL, true, 0, NULL, '2026-12-07 00:18:07.754359+00', '2026-12-07 00:18:07.754359+00', NULL, NULL);
INSERT INTO tessera.users VALUES ('0a0a3d88-b894-4b27-986d-76851a63fa39', 'marketing', 'marketing@demo.tessera', 'Zhao Lei (marketing)', '$argon2id$v=19$m=19456,t=2,p=1$eE81dnl5xHfXUE7DubF9cQ$Yi6e+7IMpAcewm7yNGRGt4AAS9gcIHHolNOEDIbXSEQ', '{marketing}', 'd797f49c-23ae-4a77-9324-eb896df5f683', NULL, true, 0, NULL, '2026-12-07 00:18:07.754359+00', '2026-12-07 00:18:07.754359+00', NULL, NULL);
INSERT INTO tessera.users VALUES ('057bd3ed-b35a-40e6-bcbd-0b254223e880', 'executive', 'executive@demo.tessera', 'Wang Fang (management)', '$argon2id$v=19$m=19456,t=2,p=1$bIqQDz6zggBX+y9pocFhqw$GdjiOhF32udGjtTuwvuPvp9zRwJ+e+3ad4lw+eMkGpQ', '{management}', '2c04a896-0bf7-4d03-8717-168369e83eda', NULL, true, 0, NULL, '2026-12-07 00:18:07.754359+00', '2026-12-07 00:18:07.754359+00', NULL, NULL);
INSERT INTO tessera.users VALUES ('08f91f36-569d-4fe8-bfb7-468cd15d7ca8', 'partner', 'partner@demo.tessera', 'Sun Tao (partner, dealer)', '$argon2id$v=19$m=19456,t=2,p=1$bAxaq0nqNGuzu7jvqNcimQ$Hugg0JhWrmniLHVXbwnsUwXhGXV/KNPH1IZUVolapXY', '{partner}', 'd064960d-14f5-49b1-9e86-dc9bb8484638', NULL, true, 0, NULL, '2026-12-07 00:18:07.754359+00', '2026-12-07 00:18:07.754359+00', NULL, NULL);
INSERT INTO tessera.users VALUES ('dc2605ed-ea64-4c99-b38b-04daf31cfa2d', 'sales1', 'sales1@demo.tessera', 'Li Wei (sales rep, East)', '$argon2id$v=19$m=19456,t=2,p=1$HbT+o+S6bsCdZOgXK2J8mQ$vZv88O8+pw0urQICz1H/SjvtC74cUK5tPRSQvybETEw', '{sales_rep}', 'accf12d2-2e86-45c6-93f9-cba8de542cc8', '992864c8-a958-4ba6-9ea7-abfaa2691723', true, 0, NULL, '2026-12-07 00:18:07.754359+00', '2026-12-07 00:18:07.754359+00', NULL, NULL);
INSERT INTO tessera.users VALUES ('ea75df24-d4a9-4617-b38a-704bb3dd7e84', 'sales2', 'sales2@demo.tessera', 'Zhang Min (sales rep, West)', '$argon2id$v=19$m=19456,t=2,p=1$Xt2+BL1ePQjSJcHOgOLGYQ$dWWv+WgEa/qwxDnH7kr1jyn0qQT/Vm561cI3u9W3cpg', '{sales_rep}', '2ec9bfd4-6eff-4063-9940-861ba91dc408', '992864c8-a958-4ba6-9ea7-abfaa2691723', true, 0, NULL, '2026-12-07 00:18:07.754359+00', '2026-12-07 00:18:07.754359+00', NULL, NULL);


--
-- Data for Name: workflow_history; Type: TABLE DATA; Schema: tessera; Owner: -
--



--
-- Data for Name: archive; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: queue; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--

INSERT INTO tessera_jobs.queue VALUES ('tessera-workflow-timer', 'short', NULL, NULL, NULL, NULL, NULL, NULL, 'jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204', '2026-12-07 00:18:07.990028+00', '2026-12-07 00:18:07.990028+00');
INSERT INTO tessera_jobs.queue VALUES ('tessera-approval-timeout', 'short', NULL, NULL, NULL, NULL, NULL, NULL, 'j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63', '2026-12-07 00:18:08.008829+00', '2026-12-07 00:18:08.008829+00');
INSERT INTO tessera_jobs.queue VALUES ('tessera-notify-channel', 'short', NULL, NULL, NULL, NULL, NULL, NULL, 'j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb', '2026-12-07 00:18:08.021452+00', '2026-12-07 00:18:08.021452+00');
INSERT INTO tessera_jobs.queue VALUES ('tessera-webhook', 'short', NULL, NULL, NULL, NULL, NULL, NULL, 'j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0', '2026-12-07 00:18:08.032857+00', '2026-12-07 00:18:08.032857+00');
INSERT INTO tessera_jobs.queue VALUES ('__pgboss__send-it', 'standard', NULL, NULL, NULL, NULL, NULL, NULL, 'j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3', '2026-12-07 00:18:08.085336+00', '2026-12-07 00:18:08.085336+00');
INSERT INTO tessera_jobs.queue VALUES ('tessera-cron-pool:return-stale', 'short', NULL, NULL, NULL, NULL, NULL, NULL, 'je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf', '2026-12-07 00:18:08.106459+00', '2026-12-07 00:18:08.106459+00');
INSERT INTO tessera_jobs.queue VALUES ('tessera-cron-reminders:send', 'short', NULL, NULL, NULL, NULL, NULL, NULL, 'j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3', '2026-12-07 00:18:08.127672+00', '2026-12-07 00:18:08.127672+00');
INSERT INTO tessera_jobs.queue VALUES ('tessera-cron-@tessera/plugin-dedup:backfill-keys', 'short', NULL, NULL, NULL, NULL, NULL, NULL, 'j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de', '2026-12-07 00:18:08.142516+00', '2026-12-07 00:18:08.142516+00');


--
-- Data for Name: schedule; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--

INSERT INTO tessera_jobs.schedule VALUES ('tessera-cron-pool:return-stale', '0 2 * * *', 'Asia/Shanghai', '{}', '{"tz": "Asia/Shanghai"}', '2026-12-07 00:18:08.12565+00', '2026-12-07 00:18:08.12565+00');
INSERT INTO tessera_jobs.schedule VALUES ('tessera-cron-reminders:send', '*/15 * * * *', 'Asia/Shanghai', '{}', '{"tz": "Asia/Shanghai"}', '2026-12-07 00:18:08.14145+00', '2026-12-07 00:18:08.14145+00');
INSERT INTO tessera_jobs.schedule VALUES ('tessera-cron-@tessera/plugin-dedup:backfill-keys', '*/5 * * * *', 'Asia/Shanghai', '{}', '{"tz": "Asia/Shanghai"}', '2026-12-07 00:18:08.15102+00', '2026-12-07 00:18:08.15102+00');


--
-- Data for Name: subscription; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--



--
-- Data for Name: version; Type: TABLE DATA; Schema: tessera_jobs; Owner: -
--

INSERT INTO tessera_jobs.version VALUES (24, NULL, '2026-12-07 00:18:08.106253+00', NULL);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: tessera; Owner: -
--

SELECT pg_catalog.setval('tessera.audit_log_id_seq', 5, true);


--
-- Name: metadata_versions_id_seq; Type: SEQUENCE SET; Schema: tessera; Owner: -
--

SELECT pg_catalog.setval('tessera.metadata_versions_id_seq', 1, true);


--
-- Name: migration_history_id_seq; Type: SEQUENCE SET; Schema: tessera; Owner: -
--

SELECT pg_catalog.setval('tessera.migration_history_id_seq', 1, true);


--
-- Name: bid bid_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.bid
    ADD CONSTRAINT bid_pkey PRIMARY KEY (id);


--
-- Name: contact contact_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.contact
    ADD CONSTRAINT contact_pkey PRIMARY KEY (id);


--
-- Name: contract contract_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.contract
    ADD CONSTRAINT contract_pkey PRIMARY KEY (id);


--
-- Name: customer customer_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);


--
-- Name: follow_up follow_up_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.follow_up
    ADD CONSTRAINT follow_up_pkey PRIMARY KEY (id);


--
-- Name: lead lead_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.lead
    ADD CONSTRAINT lead_pkey PRIMARY KEY (id);


--
-- Name: opportunity opportunity_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.opportunity
    ADD CONSTRAINT opportunity_pkey PRIMARY KEY (id);


--
-- Name: order order_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm."order"
    ADD CONSTRAINT order_pkey PRIMARY KEY (id);


--
-- Name: payment_plan payment_plan_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.payment_plan
    ADD CONSTRAINT payment_plan_pkey PRIMARY KEY (id);


--
-- Name: quote quote_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.quote
    ADD CONSTRAINT quote_pkey PRIMARY KEY (id);


--
-- Name: sales_target sales_target_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.sales_target
    ADD CONSTRAINT sales_target_pkey PRIMARY KEY (id);


--
-- Name: survey survey_pkey; Type: CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.survey
    ADD CONSTRAINT survey_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_token_hash_key; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.api_tokens
    ADD CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash);


--
-- Name: approval_delegations approval_delegations_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.approval_delegations
    ADD CONSTRAINT approval_delegations_pkey PRIMARY KEY (id);


--
-- Name: approval_instances approval_instances_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.approval_instances
    ADD CONSTRAINT approval_instances_pkey PRIMARY KEY (id);


--
-- Name: approval_tasks approval_tasks_instance_id_task_key_key; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.approval_tasks
    ADD CONSTRAINT approval_tasks_instance_id_task_key_key UNIQUE (instance_id, task_key);


--
-- Name: approval_tasks approval_tasks_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.approval_tasks
    ADD CONSTRAINT approval_tasks_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: department_members department_members_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.department_members
    ADD CONSTRAINT department_members_pkey PRIMARY KEY (department_id, user_id);


--
-- Name: departments departments_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.departments
    ADD CONSTRAINT departments_pkey PRIMARY KEY (id);


--
-- Name: files files_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.files
    ADD CONSTRAINT files_pkey PRIMARY KEY (id);


--
-- Name: idempotency_keys idempotency_keys_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.idempotency_keys
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, key);


--
-- Name: login_throttle login_throttle_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.login_throttle
    ADD CONSTRAINT login_throttle_pkey PRIMARY KEY (key);


--
-- Name: metadata_versions metadata_versions_app_name_version_unique; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.metadata_versions
    ADD CONSTRAINT metadata_versions_app_name_version_unique UNIQUE (app_name, version);


--
-- Name: metadata_versions metadata_versions_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.metadata_versions
    ADD CONSTRAINT metadata_versions_pkey PRIMARY KEY (id);


--
-- Name: migration_history migration_history_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.migration_history
    ADD CONSTRAINT migration_history_pkey PRIMARY KEY (id);


--
-- Name: notifications notifications_outbox_id_key; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.notifications
    ADD CONSTRAINT notifications_outbox_id_key UNIQUE (outbox_id);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: outbox outbox_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);


--
-- Name: plugin_route_throttle plugin_route_throttle_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.plugin_route_throttle
    ADD CONSTRAINT plugin_route_throttle_pkey PRIMARY KEY (key);


--
-- Name: plugin_state plugin_state_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.plugin_state
    ADD CONSTRAINT plugin_state_pkey PRIMARY KEY (app, plugin);


--
-- Name: record_shares record_shares_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.record_shares
    ADD CONSTRAINT record_shares_pkey PRIMARY KEY (id);


--
-- Name: recurring_jobs recurring_jobs_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.recurring_jobs
    ADD CONSTRAINT recurring_jobs_pkey PRIMARY KEY (name);


--
-- Name: reminders_sent reminders_sent_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.reminders_sent
    ADD CONSTRAINT reminders_sent_pkey PRIMARY KEY (entity, record_id, field, due_at);


--
-- Name: round_robin round_robin_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.round_robin
    ADD CONSTRAINT round_robin_pkey PRIMARY KEY (key);


--
-- Name: saved_views saved_views_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.saved_views
    ADD CONSTRAINT saved_views_pkey PRIMARY KEY (id);


--
-- Name: saved_views saved_views_user_id_entity_name_key; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.saved_views
    ADD CONSTRAINT saved_views_user_id_entity_name_key UNIQUE (user_id, entity, name);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: team_members team_members_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.team_members
    ADD CONSTRAINT team_members_pkey PRIMARY KEY (team_id, user_id);


--
-- Name: teams teams_name_key; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.teams
    ADD CONSTRAINT teams_name_key UNIQUE (name);


--
-- Name: teams teams_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_username_key; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.users
    ADD CONSTRAINT users_username_key UNIQUE (username);


--
-- Name: workflow_history workflow_history_pkey; Type: CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.workflow_history
    ADD CONSTRAINT workflow_history_pkey PRIMARY KEY (id);


--
-- Name: archive archive_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.archive
    ADD CONSTRAINT archive_pkey PRIMARY KEY (name, id);


--
-- Name: job job_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.job
    ADD CONSTRAINT job_pkey PRIMARY KEY (name, id);


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3
    ADD CONSTRAINT j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_pkey PRIMARY KEY (name, id);


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0
    ADD CONSTRAINT j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_pkey PRIMARY KEY (name, id);


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3
    ADD CONSTRAINT j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_pkey PRIMARY KEY (name, id);


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb
    ADD CONSTRAINT j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_pkey PRIMARY KEY (name, id);


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63
    ADD CONSTRAINT j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_pkey PRIMARY KEY (name, id);


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de
    ADD CONSTRAINT j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_pkey PRIMARY KEY (name, id);


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf
    ADD CONSTRAINT je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_pkey PRIMARY KEY (name, id);


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204
    ADD CONSTRAINT jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_pkey PRIMARY KEY (name, id);


--
-- Name: queue queue_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.queue
    ADD CONSTRAINT queue_pkey PRIMARY KEY (name);


--
-- Name: schedule schedule_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.schedule
    ADD CONSTRAINT schedule_pkey PRIMARY KEY (name);


--
-- Name: subscription subscription_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.subscription
    ADD CONSTRAINT subscription_pkey PRIMARY KEY (event, name);


--
-- Name: version version_pkey; Type: CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.version
    ADD CONSTRAINT version_pkey PRIMARY KEY (version);


--
-- Name: bid_bid_amount_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX bid_bid_amount_idx ON app_crm.bid USING btree (bid_amount);


--
-- Name: bid_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX bid_created_at_id_idx ON app_crm.bid USING btree (created_at, id);


--
-- Name: bid_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX bid_customer_idx ON app_crm.bid USING btree (customer);


--
-- Name: bid_deadline_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX bid_deadline_idx ON app_crm.bid USING btree (deadline);


--
-- Name: bid_opportunity_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX bid_opportunity_idx ON app_crm.bid USING btree (opportunity);


--
-- Name: bid_status_deadline_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX bid_status_deadline_idx ON app_crm.bid USING btree (status, deadline);


--
-- Name: bid_status_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX bid_status_idx ON app_crm.bid USING btree (status);


--
-- Name: bid_tender_no_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX bid_tender_no_idx ON app_crm.bid USING btree (tender_no);


--
-- Name: contact_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contact_created_at_id_idx ON app_crm.contact USING btree (created_at, id);


--
-- Name: contact_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contact_customer_idx ON app_crm.contact USING btree (customer);


--
-- Name: contract_amount_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contract_amount_idx ON app_crm.contract USING btree (amount);


--
-- Name: contract_contract_no_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contract_contract_no_idx ON app_crm.contract USING btree (contract_no);


--
-- Name: contract_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contract_created_at_id_idx ON app_crm.contract USING btree (created_at, id);


--
-- Name: contract_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contract_customer_idx ON app_crm.contract USING btree (customer);


--
-- Name: contract_opportunity_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contract_opportunity_idx ON app_crm.contract USING btree (opportunity);


--
-- Name: contract_signed_at_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contract_signed_at_idx ON app_crm.contract USING btree (signed_at);


--
-- Name: contract_status_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contract_status_idx ON app_crm.contract USING btree (status);


--
-- Name: contract_status_signed_at_desc_id_desc_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX contract_status_signed_at_desc_id_desc_idx ON app_crm.contract USING btree (status, signed_at DESC NULLS LAST, id DESC);


--
-- Name: customer_address_region_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX customer_address_region_idx ON app_crm.customer USING btree (address_region);


--
-- Name: customer_annual_revenue_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX customer_annual_revenue_idx ON app_crm.customer USING btree (annual_revenue);


--
-- Name: customer_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX customer_created_at_id_idx ON app_crm.customer USING btree (created_at, id);


--
-- Name: customer_industry_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX customer_industry_idx ON app_crm.customer USING btree (industry);


--
-- Name: customer_industry_level_annual_revenue_desc_id_desc_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX customer_industry_level_annual_revenue_desc_id_desc_idx ON app_crm.customer USING btree (industry, level, annual_revenue DESC NULLS LAST, id DESC);


--
-- Name: customer_level_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX customer_level_idx ON app_crm.customer USING btree (level);


--
-- Name: customer_region_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX customer_region_idx ON app_crm.customer USING btree (region);


--
-- Name: follow_up_contact_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_contact_idx ON app_crm.follow_up USING btree (contact);


--
-- Name: follow_up_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_created_at_id_idx ON app_crm.follow_up USING btree (created_at, id);


--
-- Name: follow_up_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_customer_idx ON app_crm.follow_up USING btree (customer);


--
-- Name: follow_up_customer_occurred_at_desc_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_customer_occurred_at_desc_idx ON app_crm.follow_up USING btree (customer, occurred_at DESC NULLS LAST);


--
-- Name: follow_up_lead_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_lead_idx ON app_crm.follow_up USING btree (lead);


--
-- Name: follow_up_method_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_method_idx ON app_crm.follow_up USING btree (method);


--
-- Name: follow_up_next_contact_at_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_next_contact_at_idx ON app_crm.follow_up USING btree (next_contact_at);


--
-- Name: follow_up_occurred_at_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_occurred_at_idx ON app_crm.follow_up USING btree (occurred_at);


--
-- Name: follow_up_opportunity_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX follow_up_opportunity_idx ON app_crm.follow_up USING btree (opportunity);


--
-- Name: lead_company_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_company_idx ON app_crm.lead USING btree (company);


--
-- Name: lead_converted_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_converted_customer_idx ON app_crm.lead USING btree (converted_customer);


--
-- Name: lead_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_created_at_id_idx ON app_crm.lead USING btree (created_at, id);


--
-- Name: lead_industry_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_industry_idx ON app_crm.lead USING btree (industry);


--
-- Name: lead_region_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_region_idx ON app_crm.lead USING btree (region);


--
-- Name: lead_score_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_score_idx ON app_crm.lead USING btree (score);


--
-- Name: lead_source_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_source_idx ON app_crm.lead USING btree (source);


--
-- Name: lead_status_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_status_idx ON app_crm.lead USING btree (status);


--
-- Name: lead_status_score_desc_id_desc_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX lead_status_score_desc_id_desc_idx ON app_crm.lead USING btree (status, score DESC NULLS LAST, id DESC);


--
-- Name: opportunity_amount_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX opportunity_amount_idx ON app_crm.opportunity USING btree (amount);


--
-- Name: opportunity_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX opportunity_created_at_id_idx ON app_crm.opportunity USING btree (created_at, id);


--
-- Name: opportunity_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX opportunity_customer_idx ON app_crm.opportunity USING btree (customer);


--
-- Name: opportunity_expected_close_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX opportunity_expected_close_idx ON app_crm.opportunity USING btree (expected_close);


--
-- Name: opportunity_lead_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX opportunity_lead_idx ON app_crm.opportunity USING btree (lead);


--
-- Name: opportunity_stage_amount_desc_id_desc_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX opportunity_stage_amount_desc_id_desc_idx ON app_crm.opportunity USING btree (stage, amount DESC NULLS LAST, id DESC);


--
-- Name: opportunity_stage_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX opportunity_stage_idx ON app_crm.opportunity USING btree (stage);


--
-- Name: order_amount_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX order_amount_idx ON app_crm."order" USING btree (amount);


--
-- Name: order_contract_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX order_contract_idx ON app_crm."order" USING btree (contract);


--
-- Name: order_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX order_created_at_id_idx ON app_crm."order" USING btree (created_at, id);


--
-- Name: order_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX order_customer_idx ON app_crm."order" USING btree (customer);


--
-- Name: order_ordered_at_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX order_ordered_at_idx ON app_crm."order" USING btree (ordered_at);


--
-- Name: order_status_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX order_status_idx ON app_crm."order" USING btree (status);


--
-- Name: order_status_ordered_at_desc_id_desc_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX order_status_ordered_at_desc_id_desc_idx ON app_crm."order" USING btree (status, ordered_at DESC NULLS LAST, id DESC);


--
-- Name: payment_plan_contract_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX payment_plan_contract_idx ON app_crm.payment_plan USING btree (contract);


--
-- Name: payment_plan_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX payment_plan_created_at_id_idx ON app_crm.payment_plan USING btree (created_at, id);


--
-- Name: payment_plan_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX payment_plan_customer_idx ON app_crm.payment_plan USING btree (customer);


--
-- Name: payment_plan_due_date_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX payment_plan_due_date_idx ON app_crm.payment_plan USING btree (due_date);


--
-- Name: payment_plan_status_due_date_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX payment_plan_status_due_date_id_idx ON app_crm.payment_plan USING btree (status, due_date, id);


--
-- Name: payment_plan_status_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX payment_plan_status_idx ON app_crm.payment_plan USING btree (status);


--
-- Name: quote_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX quote_created_at_id_idx ON app_crm.quote USING btree (created_at, id);


--
-- Name: quote_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX quote_customer_idx ON app_crm.quote USING btree (customer);


--
-- Name: sales_target_assignee_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX sales_target_assignee_idx ON app_crm.sales_target USING btree (assignee);


--
-- Name: sales_target_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX sales_target_created_at_id_idx ON app_crm.sales_target USING btree (created_at, id);


--
-- Name: sales_target_year_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX sales_target_year_idx ON app_crm.sales_target USING btree (year);


--
-- Name: sales_target_year_month_assignee_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX sales_target_year_month_assignee_idx ON app_crm.sales_target USING btree (year, month, assignee);


--
-- Name: survey_contact_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX survey_contact_idx ON app_crm.survey USING btree (contact);


--
-- Name: survey_created_at_id_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX survey_created_at_id_idx ON app_crm.survey USING btree (created_at, id);


--
-- Name: survey_customer_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX survey_customer_idx ON app_crm.survey USING btree (customer);


--
-- Name: survey_customer_surveyed_at_desc_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX survey_customer_surveyed_at_desc_idx ON app_crm.survey USING btree (customer, surveyed_at DESC NULLS LAST);


--
-- Name: survey_surveyed_at_idx; Type: INDEX; Schema: app_crm; Owner: -
--

CREATE INDEX survey_surveyed_at_idx ON app_crm.survey USING btree (surveyed_at);


--
-- Name: approval_delegations_user; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX approval_delegations_user ON tessera.approval_delegations USING btree (user_id, ends_at);


--
-- Name: approval_instances_record; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX approval_instances_record ON tessera.approval_instances USING btree (entity, record_id, created_at);


--
-- Name: approval_tasks_inbox; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX approval_tasks_inbox ON tessera.approval_tasks USING btree (assignee, status, created_at, id);


--
-- Name: audit_log_record_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX audit_log_record_idx ON tessera.audit_log USING btree (entity, record_id, id);


--
-- Name: department_members_user_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX department_members_user_idx ON tessera.department_members USING btree (user_id);


--
-- Name: departments_parent_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX departments_parent_idx ON tessera.departments USING btree (parent_id);


--
-- Name: files_record_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX files_record_idx ON tessera.files USING btree (record_id);


--
-- Name: migration_history_version_unique; Type: INDEX; Schema: tessera; Owner: -
--

CREATE UNIQUE INDEX migration_history_version_unique ON tessera.migration_history USING btree (app_name, to_version) WHERE (kind <> 'purge'::text);


--
-- Name: notifications_user; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX notifications_user ON tessera.notifications USING btree (user_id, created_at);


--
-- Name: outbox_channel_delivery; Type: INDEX; Schema: tessera; Owner: -
--

CREATE UNIQUE INDEX outbox_channel_delivery ON tessera.outbox USING btree (((payload ->> 'parent'::text)), ((payload ->> 'userId'::text)), ((payload ->> 'channel'::text))) WHERE (kind = 'notify-channel'::text);


--
-- Name: outbox_dead; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX outbox_dead ON tessera.outbox USING btree (dead_at) WHERE (dead_at IS NOT NULL);


--
-- Name: outbox_unsent; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX outbox_unsent ON tessera.outbox USING btree (created_at) WHERE (sent_at IS NULL);


--
-- Name: record_shares_team_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX record_shares_team_idx ON tessera.record_shares USING btree (team_id, entity);


--
-- Name: record_shares_team_uq; Type: INDEX; Schema: tessera; Owner: -
--

CREATE UNIQUE INDEX record_shares_team_uq ON tessera.record_shares USING btree (entity, record_id, team_id) WHERE (team_id IS NOT NULL);


--
-- Name: record_shares_user_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX record_shares_user_idx ON tessera.record_shares USING btree (user_id, entity);


--
-- Name: record_shares_user_uq; Type: INDEX; Schema: tessera; Owner: -
--

CREATE UNIQUE INDEX record_shares_user_uq ON tessera.record_shares USING btree (entity, record_id, user_id) WHERE (user_id IS NOT NULL);


--
-- Name: saved_views_shared; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX saved_views_shared ON tessera.saved_views USING btree (entity) WHERE shared;


--
-- Name: sessions_user_id_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX sessions_user_id_idx ON tessera.sessions USING btree (user_id);


--
-- Name: team_members_user_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX team_members_user_idx ON tessera.team_members USING btree (user_id);


--
-- Name: users_department_idx; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX users_department_idx ON tessera.users USING btree (department_id);


--
-- Name: workflow_history_record; Type: INDEX; Schema: tessera; Owner: -
--

CREATE INDEX workflow_history_record ON tessera.workflow_history USING btree (entity, record_id, at);


--
-- Name: archive_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX archive_i1 ON tessera_jobs.archive USING btree (archived_on);


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i1 ON tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'created'::tessera_jobs.job_state) AND (policy = 'short'::text));


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i2; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i2 ON tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'active'::tessera_jobs.job_state) AND (policy = 'singleton'::text));


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i3; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i3 ON tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 USING btree (name, state, COALESCE(singleton_key, ''::text)) WHERE ((state <= 'active'::tessera_jobs.job_state) AND (policy = 'stately'::text));


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i4; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i4 ON tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 USING btree (name, singleton_on, COALESCE(singleton_key, ''::text)) WHERE ((state <> 'cancelled'::tessera_jobs.job_state) AND (singleton_on IS NOT NULL));


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i5; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_i5 ON tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 USING btree (name, start_after) INCLUDE (priority, created_on, id) WHERE (state < 'active'::tessera_jobs.job_state);


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i1 ON tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'created'::tessera_jobs.job_state) AND (policy = 'short'::text));


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i2; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i2 ON tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'active'::tessera_jobs.job_state) AND (policy = 'singleton'::text));


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i3; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i3 ON tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 USING btree (name, state, COALESCE(singleton_key, ''::text)) WHERE ((state <= 'active'::tessera_jobs.job_state) AND (policy = 'stately'::text));


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i4; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i4 ON tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 USING btree (name, singleton_on, COALESCE(singleton_key, ''::text)) WHERE ((state <> 'cancelled'::tessera_jobs.job_state) AND (singleton_on IS NOT NULL));


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i5; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_i5 ON tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 USING btree (name, start_after) INCLUDE (priority, created_on, id) WHERE (state < 'active'::tessera_jobs.job_state);


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i1 ON tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'created'::tessera_jobs.job_state) AND (policy = 'short'::text));


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i2; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i2 ON tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'active'::tessera_jobs.job_state) AND (policy = 'singleton'::text));


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i3; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i3 ON tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 USING btree (name, state, COALESCE(singleton_key, ''::text)) WHERE ((state <= 'active'::tessera_jobs.job_state) AND (policy = 'stately'::text));


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i4; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i4 ON tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 USING btree (name, singleton_on, COALESCE(singleton_key, ''::text)) WHERE ((state <> 'cancelled'::tessera_jobs.job_state) AND (singleton_on IS NOT NULL));


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i5; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_i5 ON tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 USING btree (name, start_after) INCLUDE (priority, created_on, id) WHERE (state < 'active'::tessera_jobs.job_state);


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i1 ON tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'created'::tessera_jobs.job_state) AND (policy = 'short'::text));


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i2; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i2 ON tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'active'::tessera_jobs.job_state) AND (policy = 'singleton'::text));


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i3; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i3 ON tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb USING btree (name, state, COALESCE(singleton_key, ''::text)) WHERE ((state <= 'active'::tessera_jobs.job_state) AND (policy = 'stately'::text));


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i4; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i4 ON tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb USING btree (name, singleton_on, COALESCE(singleton_key, ''::text)) WHERE ((state <> 'cancelled'::tessera_jobs.job_state) AND (singleton_on IS NOT NULL));


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i5; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_i5 ON tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb USING btree (name, start_after) INCLUDE (priority, created_on, id) WHERE (state < 'active'::tessera_jobs.job_state);


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i1 ON tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'created'::tessera_jobs.job_state) AND (policy = 'short'::text));


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i2; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i2 ON tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'active'::tessera_jobs.job_state) AND (policy = 'singleton'::text));


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i3; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i3 ON tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 USING btree (name, state, COALESCE(singleton_key, ''::text)) WHERE ((state <= 'active'::tessera_jobs.job_state) AND (policy = 'stately'::text));


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i4; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i4 ON tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 USING btree (name, singleton_on, COALESCE(singleton_key, ''::text)) WHERE ((state <> 'cancelled'::tessera_jobs.job_state) AND (singleton_on IS NOT NULL));


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i5; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_i5 ON tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 USING btree (name, start_after) INCLUDE (priority, created_on, id) WHERE (state < 'active'::tessera_jobs.job_state);


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i1 ON tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'created'::tessera_jobs.job_state) AND (policy = 'short'::text));


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i2; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i2 ON tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'active'::tessera_jobs.job_state) AND (policy = 'singleton'::text));


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i3; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i3 ON tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de USING btree (name, state, COALESCE(singleton_key, ''::text)) WHERE ((state <= 'active'::tessera_jobs.job_state) AND (policy = 'stately'::text));


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i4; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i4 ON tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de USING btree (name, singleton_on, COALESCE(singleton_key, ''::text)) WHERE ((state <> 'cancelled'::tessera_jobs.job_state) AND (singleton_on IS NOT NULL));


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i5; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_i5 ON tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de USING btree (name, start_after) INCLUDE (priority, created_on, id) WHERE (state < 'active'::tessera_jobs.job_state);


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i1 ON tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'created'::tessera_jobs.job_state) AND (policy = 'short'::text));


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i2; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i2 ON tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'active'::tessera_jobs.job_state) AND (policy = 'singleton'::text));


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i3; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i3 ON tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf USING btree (name, state, COALESCE(singleton_key, ''::text)) WHERE ((state <= 'active'::tessera_jobs.job_state) AND (policy = 'stately'::text));


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i4; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i4 ON tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf USING btree (name, singleton_on, COALESCE(singleton_key, ''::text)) WHERE ((state <> 'cancelled'::tessera_jobs.job_state) AND (singleton_on IS NOT NULL));


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i5; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_i5 ON tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf USING btree (name, start_after) INCLUDE (priority, created_on, id) WHERE (state < 'active'::tessera_jobs.job_state);


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i1; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i1 ON tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'created'::tessera_jobs.job_state) AND (policy = 'short'::text));


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i2; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i2 ON tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 USING btree (name, COALESCE(singleton_key, ''::text)) WHERE ((state = 'active'::tessera_jobs.job_state) AND (policy = 'singleton'::text));


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i3; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i3 ON tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 USING btree (name, state, COALESCE(singleton_key, ''::text)) WHERE ((state <= 'active'::tessera_jobs.job_state) AND (policy = 'stately'::text));


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i4; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE UNIQUE INDEX jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i4 ON tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 USING btree (name, singleton_on, COALESCE(singleton_key, ''::text)) WHERE ((state <> 'cancelled'::tessera_jobs.job_state) AND (singleton_on IS NOT NULL));


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i5; Type: INDEX; Schema: tessera_jobs; Owner: -
--

CREATE INDEX jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_i5 ON tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 USING btree (name, start_after) INCLUDE (priority, created_on, id) WHERE (state < 'active'::tessera_jobs.job_state);


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_pkey; Type: INDEX ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER INDEX tessera_jobs.job_pkey ATTACH PARTITION tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3_pkey;


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_pkey; Type: INDEX ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER INDEX tessera_jobs.job_pkey ATTACH PARTITION tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0_pkey;


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_pkey; Type: INDEX ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER INDEX tessera_jobs.job_pkey ATTACH PARTITION tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3_pkey;


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_pkey; Type: INDEX ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER INDEX tessera_jobs.job_pkey ATTACH PARTITION tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb_pkey;


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_pkey; Type: INDEX ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER INDEX tessera_jobs.job_pkey ATTACH PARTITION tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63_pkey;


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_pkey; Type: INDEX ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER INDEX tessera_jobs.job_pkey ATTACH PARTITION tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de_pkey;


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_pkey; Type: INDEX ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER INDEX tessera_jobs.job_pkey ATTACH PARTITION tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf_pkey;


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_pkey; Type: INDEX ATTACH; Schema: tessera_jobs; Owner: -
--

ALTER INDEX tessera_jobs.job_pkey ATTACH PARTITION tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204_pkey;


--
-- Name: bid tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.bid FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('bid');


--
-- Name: contact tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.contact FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('contact');


--
-- Name: contract tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.contract FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('contract');


--
-- Name: customer tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.customer FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('customer');


--
-- Name: follow_up tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.follow_up FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('follow_up');


--
-- Name: lead tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.lead FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('lead');


--
-- Name: opportunity tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.opportunity FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('opportunity');


--
-- Name: order tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm."order" FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('order');


--
-- Name: payment_plan tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.payment_plan FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('payment_plan');


--
-- Name: quote tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.quote FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('quote');


--
-- Name: sales_target tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.sales_target FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('sales_target');


--
-- Name: survey tessera_audit; Type: TRIGGER; Schema: app_crm; Owner: -
--

CREATE TRIGGER tessera_audit AFTER INSERT OR DELETE OR UPDATE ON app_crm.survey FOR EACH ROW EXECUTE FUNCTION tessera.audit_record_change('survey');


--
-- Name: audit_log audit_log_append_only; Type: TRIGGER; Schema: tessera; Owner: -
--

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON tessera.audit_log FOR EACH ROW EXECUTE FUNCTION tessera.audit_log_is_append_only();


--
-- Name: audit_log audit_log_no_truncate; Type: TRIGGER; Schema: tessera; Owner: -
--

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON tessera.audit_log FOR EACH STATEMENT EXECUTE FUNCTION tessera.audit_log_is_append_only();


--
-- Name: departments department_members_tree; Type: TRIGGER; Schema: tessera; Owner: -
--

CREATE TRIGGER department_members_tree AFTER INSERT OR DELETE OR UPDATE OF parent_id ON tessera.departments FOR EACH STATEMENT EXECUTE FUNCTION tessera.department_members_on_tree();


--
-- Name: users department_members_users_insert; Type: TRIGGER; Schema: tessera; Owner: -
--

CREATE TRIGGER department_members_users_insert AFTER INSERT ON tessera.users REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION tessera.department_members_on_users();


--
-- Name: users department_members_users_update; Type: TRIGGER; Schema: tessera; Owner: -
--

CREATE TRIGGER department_members_users_update AFTER UPDATE ON tessera.users REFERENCING OLD TABLE AS old_users NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION tessera.department_members_on_users();


--
-- Name: bid bid_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.bid
    ADD CONSTRAINT bid_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE CASCADE;


--
-- Name: bid bid_opportunity_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.bid
    ADD CONSTRAINT bid_opportunity_fkey FOREIGN KEY (opportunity) REFERENCES app_crm.opportunity(id) ON DELETE SET NULL;


--
-- Name: contact contact_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.contact
    ADD CONSTRAINT contact_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE CASCADE;


--
-- Name: contract contract_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.contract
    ADD CONSTRAINT contract_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE RESTRICT;


--
-- Name: contract contract_opportunity_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.contract
    ADD CONSTRAINT contract_opportunity_fkey FOREIGN KEY (opportunity) REFERENCES app_crm.opportunity(id) ON DELETE SET NULL;


--
-- Name: follow_up follow_up_contact_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.follow_up
    ADD CONSTRAINT follow_up_contact_fkey FOREIGN KEY (contact) REFERENCES app_crm.contact(id) ON DELETE SET NULL;


--
-- Name: follow_up follow_up_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.follow_up
    ADD CONSTRAINT follow_up_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE CASCADE;


--
-- Name: follow_up follow_up_lead_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.follow_up
    ADD CONSTRAINT follow_up_lead_fkey FOREIGN KEY (lead) REFERENCES app_crm.lead(id) ON DELETE CASCADE;


--
-- Name: follow_up follow_up_opportunity_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.follow_up
    ADD CONSTRAINT follow_up_opportunity_fkey FOREIGN KEY (opportunity) REFERENCES app_crm.opportunity(id) ON DELETE CASCADE;


--
-- Name: lead lead_converted_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.lead
    ADD CONSTRAINT lead_converted_customer_fkey FOREIGN KEY (converted_customer) REFERENCES app_crm.customer(id) ON DELETE SET NULL;


--
-- Name: opportunity opportunity_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.opportunity
    ADD CONSTRAINT opportunity_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE CASCADE;


--
-- Name: opportunity opportunity_lead_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.opportunity
    ADD CONSTRAINT opportunity_lead_fkey FOREIGN KEY (lead) REFERENCES app_crm.lead(id) ON DELETE SET NULL;


--
-- Name: order order_contract_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm."order"
    ADD CONSTRAINT order_contract_fkey FOREIGN KEY (contract) REFERENCES app_crm.contract(id) ON DELETE RESTRICT;


--
-- Name: order order_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm."order"
    ADD CONSTRAINT order_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE RESTRICT;


--
-- Name: payment_plan payment_plan_contract_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.payment_plan
    ADD CONSTRAINT payment_plan_contract_fkey FOREIGN KEY (contract) REFERENCES app_crm.contract(id) ON DELETE CASCADE;


--
-- Name: payment_plan payment_plan_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.payment_plan
    ADD CONSTRAINT payment_plan_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE CASCADE;


--
-- Name: quote quote_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.quote
    ADD CONSTRAINT quote_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE CASCADE;


--
-- Name: survey survey_contact_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.survey
    ADD CONSTRAINT survey_contact_fkey FOREIGN KEY (contact) REFERENCES app_crm.contact(id) ON DELETE SET NULL;


--
-- Name: survey survey_customer_fkey; Type: FK CONSTRAINT; Schema: app_crm; Owner: -
--

ALTER TABLE ONLY app_crm.survey
    ADD CONSTRAINT survey_customer_fkey FOREIGN KEY (customer) REFERENCES app_crm.customer(id) ON DELETE CASCADE;


--
-- Name: api_tokens api_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.api_tokens
    ADD CONSTRAINT api_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES tessera.users(id) ON DELETE CASCADE;


--
-- Name: approval_delegations approval_delegations_delegate_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.approval_delegations
    ADD CONSTRAINT approval_delegations_delegate_id_fkey FOREIGN KEY (delegate_id) REFERENCES tessera.users(id) ON DELETE CASCADE;


--
-- Name: approval_delegations approval_delegations_user_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.approval_delegations
    ADD CONSTRAINT approval_delegations_user_id_fkey FOREIGN KEY (user_id) REFERENCES tessera.users(id) ON DELETE CASCADE;


--
-- Name: approval_tasks approval_tasks_instance_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.approval_tasks
    ADD CONSTRAINT approval_tasks_instance_id_fkey FOREIGN KEY (instance_id) REFERENCES tessera.approval_instances(id) ON DELETE CASCADE;


--
-- Name: department_members department_members_department_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.department_members
    ADD CONSTRAINT department_members_department_id_fkey FOREIGN KEY (department_id) REFERENCES tessera.departments(id) ON DELETE CASCADE;


--
-- Name: department_members department_members_user_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.department_members
    ADD CONSTRAINT department_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES tessera.users(id) ON DELETE CASCADE;


--
-- Name: departments departments_parent_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.departments
    ADD CONSTRAINT departments_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES tessera.departments(id) ON DELETE RESTRICT;


--
-- Name: record_shares record_shares_team_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.record_shares
    ADD CONSTRAINT record_shares_team_id_fkey FOREIGN KEY (team_id) REFERENCES tessera.teams(id) ON DELETE CASCADE;


--
-- Name: record_shares record_shares_user_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.record_shares
    ADD CONSTRAINT record_shares_user_id_fkey FOREIGN KEY (user_id) REFERENCES tessera.users(id) ON DELETE CASCADE;


--
-- Name: saved_views saved_views_user_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.saved_views
    ADD CONSTRAINT saved_views_user_id_fkey FOREIGN KEY (user_id) REFERENCES tessera.users(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES tessera.users(id) ON DELETE CASCADE;


--
-- Name: team_members team_members_team_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.team_members
    ADD CONSTRAINT team_members_team_id_fkey FOREIGN KEY (team_id) REFERENCES tessera.teams(id) ON DELETE CASCADE;


--
-- Name: team_members team_members_user_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.team_members
    ADD CONSTRAINT team_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES tessera.users(id) ON DELETE CASCADE;


--
-- Name: teams teams_department_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.teams
    ADD CONSTRAINT teams_department_id_fkey FOREIGN KEY (department_id) REFERENCES tessera.departments(id) ON DELETE SET NULL;


--
-- Name: users users_department_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.users
    ADD CONSTRAINT users_department_id_fkey FOREIGN KEY (department_id) REFERENCES tessera.departments(id) ON DELETE SET NULL;


--
-- Name: users users_manager_id_fkey; Type: FK CONSTRAINT; Schema: tessera; Owner: -
--

ALTER TABLE ONLY tessera.users
    ADD CONSTRAINT users_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES tessera.users(id) ON DELETE SET NULL;


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 dlq_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3
    ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 dlq_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0
    ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 dlq_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3
    ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb dlq_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb
    ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 dlq_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63
    ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de dlq_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de
    ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf dlq_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf
    ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 dlq_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204
    ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3 q_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j0fd1ae376d6f5c6057d339b57f2e3189c3132071a8fdc55307c133b3
    ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0 q_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j12a8322baf12f053b98dc70a8820de860d9d76f034cd99a118b990a0
    ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3 q_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j3f168501ed9816b51a9f5765e0742e1eb034ab6bf72c9ae3f3a975e3
    ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb q_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j4b07012663359cc37694077fc6a7110c20ab5607a422eb26dfb5b3fb
    ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63 q_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j59481218ff7147957275b223a1364887a96a33d9b30d693fdf27aa63
    ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de q_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.j7c7b2bb4290ef31d65017593c1c1c37634fddf713fe1b3586225f4de
    ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf q_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.je3983ce3542772aceccf2e73a958caf49fbd9a53a5af38d5fb83b1bf
    ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204 q_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.jf2172048f276eeecae03e89dbc11e7936004eabf59e162719d9be204
    ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;


--
-- Name: queue queue_dead_letter_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.queue
    ADD CONSTRAINT queue_dead_letter_fkey FOREIGN KEY (dead_letter) REFERENCES tessera_jobs.queue(name);


--
-- Name: schedule schedule_name_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.schedule
    ADD CONSTRAINT schedule_name_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE CASCADE;


--
-- Name: subscription subscription_name_fkey; Type: FK CONSTRAINT; Schema: tessera_jobs; Owner: -
--

ALTER TABLE ONLY tessera_jobs.subscription
    ADD CONSTRAINT subscription_name_fkey FOREIGN KEY (name) REFERENCES tessera_jobs.queue(name) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


