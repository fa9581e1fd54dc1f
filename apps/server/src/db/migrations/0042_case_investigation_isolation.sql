-- Cases (issue #13 §1, §4): the investigation form (versioned question sets, as declarations do) and
-- home isolation (daily reports, release notes). Owner: modules/cases.

-- One row per version of the investigation questions; never updated: an edit is a new version.
create table case_question_sets (
  version text primary key,
  effective_from timestamptz not null unique,
  questions jsonb not null,
  created_at timestamptz not null default now()
);

-- The investigation of a case: one per case, answers replaced as the officer fills them in.
create table case_investigations (
  case_id uuid primary key references cases (id),
  question_set_version text not null references case_question_sets (version),
  answers jsonb not null,
  version int not null default 1,
  updated_by_account_id text,
  updated_at timestamptz not null default now()
);

-- Daily reports of a case at home, by the case or by someone on the phone for them. `client_id` makes
-- a retried submission the same report.
create table case_isolation_reports (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  client_id text not null,
  reported_at timestamptz not null default now(),
  -- The Vietnamese calendar day the report counts for (missed reports are per day).
  report_day date not null,
  spo2 smallint check (spo2 between 50 and 100),
  temperature numeric(3, 1) check (temperature between 30 and 45),
  breathing_rate smallint check (breathing_rate between 4 and 80),
  symptoms text[] not null default '{}',
  warning_signs text[] not null default '{}',
  rule_version text not null,
  reported_by text not null check (reported_by in ('self', 'staff')),
  reported_by_account_id text,
  unique (case_id, client_id)
);
create index case_isolation_reports_case_idx on case_isolation_reports (case_id, reported_at desc);

-- The release of a case from home isolation: the note's content is fixed when released.
create table case_releases (
  case_id uuid primary key references cases (id),
  released_at timestamptz not null default now(),
  released_by_account_id text,
  rule_version text not null,
  negative_barcode text not null,
  negative_sample_date date not null,
  note_number text not null unique
);

insert into case_question_sets (version, effective_from, questions) values
  ('investigation-2021.1', '2021-07-01 00:00:00+07', '[
    {"id":"symptom_onset_known","type":"yes_no","required":true,"label":{"vi":"Có biết ngày khởi phát triệu chứng không?","en":"Is the day symptoms began known?"}},
    {"id":"symptoms","type":"multi_select","required":false,"label":{"vi":"Triệu chứng","en":"Symptoms"},"options":[{"value":"fever","label":{"vi":"Sốt","en":"Fever"}},{"value":"cough","label":{"vi":"Ho","en":"Cough"}},{"value":"shortness_of_breath","label":{"vi":"Khó thở","en":"Shortness of breath"}},{"value":"sore_throat","label":{"vi":"Đau họng","en":"Sore throat"}},{"value":"fatigue","label":{"vi":"Mệt mỏi","en":"Fatigue"}},{"value":"loss_of_taste_smell","label":{"vi":"Mất vị giác hoặc khứu giác","en":"Loss of taste or smell"}}]},
    {"id":"occupation","type":"text","required":false,"maxLength":200,"label":{"vi":"Nghề nghiệp, nơi làm việc","en":"Occupation and workplace"}},
    {"id":"places_visited","type":"text","required":false,"maxLength":2000,"label":{"vi":"Các địa điểm đã đến trong thời gian có thể lây (ngoài các lượt quét mã)","en":"Places visited while infectious (besides scanned check-ins)"}},
    {"id":"named_contacts","type":"text","required":false,"maxLength":2000,"label":{"vi":"Những người đã tiếp xúc gần (tên, số điện thoại)","en":"Close contacts (names, phone numbers)"}},
    {"id":"travel_provinces","type":"provinces","required":false,"label":{"vi":"Các tỉnh/thành phố đã đến trong 14 ngày","en":"Provinces visited in the past 14 days"}},
    {"id":"underlying_conditions","type":"multi_select","required":false,"label":{"vi":"Bệnh nền","en":"Underlying conditions"},"options":[{"value":"diabetes","label":{"vi":"Đái tháo đường","en":"Diabetes"}},{"value":"hypertension","label":{"vi":"Tăng huyết áp","en":"Hypertension"}},{"value":"heart","label":{"vi":"Bệnh tim mạch","en":"Heart disease"}},{"value":"lung","label":{"vi":"Bệnh phổi mạn tính","en":"Chronic lung disease"}},{"value":"kidney","label":{"vi":"Bệnh thận mạn","en":"Chronic kidney disease"}},{"value":"immune","label":{"vi":"Suy giảm miễn dịch","en":"Immune deficiency"}},{"value":"pregnancy","label":{"vi":"Đang mang thai","en":"Pregnant"}}]},
    {"id":"home_care_possible","type":"yes_no","required":true,"label":{"vi":"Nhà ở đủ điều kiện cách ly tại nhà (phòng riêng, có người chăm sóc)?","en":"Can the home isolate the case (own room, a carer)?"}},
    {"id":"notes","type":"text","required":false,"maxLength":2000,"label":{"vi":"Ghi chú của cán bộ điều tra","en":"Investigator''s notes"}}
  ]'::jsonb);
