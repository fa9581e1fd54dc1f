-- Health declarations (khai báo y tế): versioned question sets stored as data, and the declarations
-- themselves, append-only and partitioned by month so expired months are dropped whole.
-- No foreign keys to other modules' tables (people, accounts, venues): plain columns keep migrations
-- independent.

-- A question set in force from `effective_from`; a new version changes questions without code changes.
-- Never edit a version that has been in force: declarations record the version they answered.
create table question_sets (
  version text primary key,
  kind text not null check (kind in ('domestic', 'movement', 'entry')),
  effective_from timestamptz not null,
  questions jsonb not null,
  created_at timestamptz not null default now()
);
create index question_sets_kind_from_idx on question_sets (kind, effective_from desc);

create table declarations (
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  declared_by_account_id uuid,
  declared_by_person_id uuid,
  kind text not null check (kind in ('domestic', 'movement', 'entry')),
  question_set_version text not null,
  answers jsonb not null,
  has_warning boolean not null default false,
  -- Question ids that raised a warning, and the status fact kinds they imply (symptoms_reported…).
  warning_questions text[] not null default '{}',
  fact_kinds text[] not null default '{}',
  venue_id uuid,
  -- Where the person lives (not where they declared): decides whose worklist and jurisdiction.
  commune_code text not null,
  district_code text,
  province_code text not null,
  created_at timestamptz not null default now(),
  primary key (id, created_at)
) partition by range (created_at);
create index declarations_person_idx on declarations (person_id, created_at desc);
create index declarations_commune_idx on declarations (commune_code, created_at desc);
create index declarations_venue_idx on declarations (venue_id, created_at desc) where venue_id is not null;

-- Investigation holds: a held person's declarations survive the retention drop until `held_until`.
create table declaration_holds (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null,
  held_until timestamptz not null,
  reason text not null,
  created_by_account_id uuid,
  created_at timestamptz not null default now()
);
create index declaration_holds_person_idx on declaration_holds (person_id, held_until);

-- Held rows copied out of a partition before it is dropped; reads see both through the view below.
create table declarations_held (like declarations including defaults, primary key (id));
create index declarations_held_person_idx on declarations_held (person_id, created_at desc);

create view declarations_all as
  select * from declarations
  union all
  select * from declarations_held;

-- The 2021 question sets (Bộ Y tế, from 1 July 2021).
insert into question_sets (version, kind, effective_from, questions) values
  ('domestic-2021.1', 'domestic', '2021-07-01 00:00:00+07', '[
    {"id":"places_visited","type":"text","required":false,"maxLength":500,"label":{"vi":"Trong 14 ngày qua, anh/chị đã đến những địa điểm nào?","en":"Which places have you visited in the past 14 days?"}},
    {"id":"provinces_visited","type":"provinces","required":false,"label":{"vi":"Các tỉnh/thành phố đã đến trong 14 ngày qua","en":"Provinces visited in the past 14 days"}},
    {"id":"symptoms","type":"multi_select","required":true,"label":{"vi":"Trong 14 ngày qua, anh/chị có thấy xuất hiện dấu hiệu nào sau đây không?","en":"In the past 14 days, have you had any of the following?"},"options":[{"value":"fever","label":{"vi":"Sốt","en":"Fever"}},{"value":"cough","label":{"vi":"Ho","en":"Cough"}},{"value":"shortness_of_breath","label":{"vi":"Khó thở","en":"Shortness of breath"}},{"value":"sore_throat","label":{"vi":"Đau họng","en":"Sore throat"}},{"value":"fatigue","label":{"vi":"Mệt mỏi","en":"Fatigue"}},{"value":"loss_of_taste_smell","label":{"vi":"Mất vị giác hoặc khứu giác","en":"Loss of taste or smell"}}],"warning":{"when":{"anyOf":["fever","cough","shortness_of_breath","sore_throat","fatigue","loss_of_taste_smell"]},"fact":"symptoms_reported","message":{"vi":"Có triệu chứng nghi nhiễm: hãy liên hệ trạm y tế xã/phường.","en":"Symptoms reported: please contact your commune health station."}}},
    {"id":"contact_case","type":"yes_no","required":true,"label":{"vi":"Trong 14 ngày qua, anh/chị có tiếp xúc với người bệnh hoặc nghi ngờ mắc COVID-19 không?","en":"In the past 14 days, were you in contact with a case or suspected case of COVID-19?"},"warning":{"when":{"equals":true},"fact":"contact_reported","message":{"vi":"Có tiếp xúc với ca bệnh hoặc nghi ngờ.","en":"Contact with a case or suspected case."}}},
    {"id":"contact_outbreak_area","type":"yes_no","required":true,"label":{"vi":"Trong 14 ngày qua, anh/chị có tiếp xúc với người từ vùng có dịch không?","en":"In the past 14 days, were you in contact with someone from an outbreak area?"},"warning":{"when":{"equals":true},"message":{"vi":"Có tiếp xúc với người từ vùng có dịch.","en":"Contact with someone from an outbreak area."}}},
    {"id":"contact_symptomatic","type":"yes_no","required":true,"label":{"vi":"Trong 14 ngày qua, anh/chị có tiếp xúc với người có biểu hiện sốt, ho, khó thở không?","en":"In the past 14 days, were you in contact with someone with fever, cough or shortness of breath?"},"warning":{"when":{"equals":true},"message":{"vi":"Có tiếp xúc với người có triệu chứng.","en":"Contact with someone with symptoms."}}}
  ]'::jsonb),
  ('movement-2021.1', 'movement', '2021-07-01 00:00:00+07', '[
    {"id":"vehicle_type","type":"single_select","required":true,"label":{"vi":"Phương tiện","en":"Vehicle"},"options":[{"value":"plane","label":{"vi":"Tàu bay","en":"Plane"}},{"value":"ship","label":{"vi":"Tàu thuyền","en":"Ship"}},{"value":"train","label":{"vi":"Tàu hỏa","en":"Train"}},{"value":"coach","label":{"vi":"Ô tô khách","en":"Coach"}},{"value":"car","label":{"vi":"Ô tô","en":"Car"}},{"value":"motorbike","label":{"vi":"Xe máy","en":"Motorbike"}},{"value":"other","label":{"vi":"Khác","en":"Other"}}]},
    {"id":"vehicle_number","type":"text","required":true,"maxLength":30,"label":{"vi":"Số hiệu phương tiện / biển số","en":"Vehicle number or plate"}},
    {"id":"seat","type":"text","required":false,"maxLength":10,"label":{"vi":"Số ghế","en":"Seat"}},
    {"id":"origin_province","type":"province","required":true,"label":{"vi":"Tỉnh/thành phố khởi hành","en":"Province of departure"}},
    {"id":"origin_point","type":"text","required":true,"maxLength":200,"label":{"vi":"Địa điểm khởi hành","en":"Point of departure"}},
    {"id":"destination_province","type":"province","required":true,"label":{"vi":"Tỉnh/thành phố đến","en":"Province of destination"}},
    {"id":"destination_point","type":"text","required":true,"maxLength":200,"label":{"vi":"Địa điểm đến","en":"Point of destination"}},
    {"id":"departure_date","type":"date","required":true,"label":{"vi":"Ngày khởi hành","en":"Departure date"}},
    {"id":"symptoms","type":"multi_select","required":true,"label":{"vi":"Trong 14 ngày qua, anh/chị có thấy xuất hiện dấu hiệu nào sau đây không?","en":"In the past 14 days, have you had any of the following?"},"options":[{"value":"fever","label":{"vi":"Sốt","en":"Fever"}},{"value":"cough","label":{"vi":"Ho","en":"Cough"}},{"value":"shortness_of_breath","label":{"vi":"Khó thở","en":"Shortness of breath"}},{"value":"sore_throat","label":{"vi":"Đau họng","en":"Sore throat"}},{"value":"fatigue","label":{"vi":"Mệt mỏi","en":"Fatigue"}},{"value":"loss_of_taste_smell","label":{"vi":"Mất vị giác hoặc khứu giác","en":"Loss of taste or smell"}}],"warning":{"when":{"anyOf":["fever","cough","shortness_of_breath","sore_throat","fatigue","loss_of_taste_smell"]},"fact":"symptoms_reported","message":{"vi":"Có triệu chứng nghi nhiễm: hãy liên hệ trạm y tế xã/phường.","en":"Symptoms reported: please contact your commune health station."}}},
    {"id":"contact_case","type":"yes_no","required":true,"label":{"vi":"Trong 14 ngày qua, anh/chị có tiếp xúc với người bệnh hoặc nghi ngờ mắc COVID-19 không?","en":"In the past 14 days, were you in contact with a case or suspected case of COVID-19?"},"warning":{"when":{"equals":true},"fact":"contact_reported","message":{"vi":"Có tiếp xúc với ca bệnh hoặc nghi ngờ.","en":"Contact with a case or suspected case."}}}
  ]'::jsonb),
  ('entry-2021.1', 'entry', '2021-07-01 00:00:00+07', '[
    {"id":"passport","type":"text","required":true,"maxLength":20,"label":{"vi":"Số hộ chiếu hoặc giấy thông hành","en":"Passport or travel document number"}},
    {"id":"nationality","type":"country","required":true,"label":{"vi":"Quốc tịch","en":"Nationality"}},
    {"id":"entry_by","type":"single_select","required":true,"label":{"vi":"Nhập cảnh qua","en":"Entry by"},"options":[{"value":"air","label":{"vi":"Đường hàng không","en":"Air"}},{"value":"land","label":{"vi":"Cửa khẩu đường bộ","en":"Land border gate"}},{"value":"sea","label":{"vi":"Đường biển","en":"Sea"}}]},
    {"id":"border_gate","type":"text","required":true,"maxLength":100,"label":{"vi":"Cửa khẩu hoặc sân bay","en":"Border gate or airport"}},
    {"id":"flight","type":"text","required":false,"maxLength":30,"label":{"vi":"Số hiệu chuyến bay / phương tiện","en":"Flight or vehicle number"}},
    {"id":"seat","type":"text","required":false,"maxLength":10,"label":{"vi":"Số ghế","en":"Seat"}},
    {"id":"arrival_date","type":"date","required":true,"label":{"vi":"Ngày nhập cảnh","en":"Arrival date"}},
    {"id":"countries_visited","type":"countries","required":false,"label":{"vi":"Các quốc gia/vùng lãnh thổ đã đến trong 14 ngày qua (mã ISO, ví dụ SG, KR)","en":"Countries visited in the past 14 days (ISO codes, e.g. SG, KR)"}},
    {"id":"quarantine_commune","type":"commune","required":true,"label":{"vi":"Xã/phường nơi cách ly hoặc theo dõi","en":"Commune of the quarantine or monitoring address"}},
    {"id":"quarantine_street","type":"text","required":true,"maxLength":200,"label":{"vi":"Số nhà, đường nơi cách ly hoặc theo dõi","en":"Street address during quarantine or monitoring"}},
    {"id":"vaccination","type":"single_select","required":true,"label":{"vi":"Tiêm vắc xin COVID-19","en":"COVID-19 vaccination"},"options":[{"value":"none","label":{"vi":"Chưa tiêm","en":"Not vaccinated"}},{"value":"partial","label":{"vi":"Chưa đủ liều","en":"Partially vaccinated"}},{"value":"full","label":{"vi":"Đủ liều","en":"Fully vaccinated"}}]},
    {"id":"vaccine_name","type":"text","required":false,"maxLength":60,"label":{"vi":"Tên vắc xin","en":"Vaccine name"}},
    {"id":"last_dose_date","type":"date","required":false,"label":{"vi":"Ngày tiêm mũi gần nhất","en":"Date of the last dose"}},
    {"id":"test_type","type":"single_select","required":true,"label":{"vi":"Xét nghiệm trước khi nhập cảnh","en":"Test before entry"},"options":[{"value":"none","label":{"vi":"Không xét nghiệm","en":"No test"}},{"value":"rt_pcr","label":{"vi":"RT-PCR","en":"RT-PCR"}},{"value":"rapid_antigen","label":{"vi":"Test nhanh kháng nguyên","en":"Rapid antigen"}}]},
    {"id":"test_date","type":"date","required":false,"label":{"vi":"Ngày lấy mẫu xét nghiệm","en":"Test sample date"}},
    {"id":"test_result","type":"single_select","required":false,"label":{"vi":"Kết quả xét nghiệm","en":"Test result"},"options":[{"value":"negative","label":{"vi":"Âm tính","en":"Negative"}},{"value":"positive","label":{"vi":"Dương tính","en":"Positive"}}],"warning":{"when":{"anyOf":["positive"]},"message":{"vi":"Kết quả xét nghiệm dương tính.","en":"Positive test result."}}},
    {"id":"symptoms","type":"multi_select","required":true,"label":{"vi":"Trong 14 ngày qua, anh/chị có thấy xuất hiện dấu hiệu nào sau đây không?","en":"In the past 14 days, have you had any of the following?"},"options":[{"value":"fever","label":{"vi":"Sốt","en":"Fever"}},{"value":"cough","label":{"vi":"Ho","en":"Cough"}},{"value":"shortness_of_breath","label":{"vi":"Khó thở","en":"Shortness of breath"}},{"value":"sore_throat","label":{"vi":"Đau họng","en":"Sore throat"}},{"value":"fatigue","label":{"vi":"Mệt mỏi","en":"Fatigue"}},{"value":"loss_of_taste_smell","label":{"vi":"Mất vị giác hoặc khứu giác","en":"Loss of taste or smell"}}],"warning":{"when":{"anyOf":["fever","cough","shortness_of_breath","sore_throat","fatigue","loss_of_taste_smell"]},"fact":"symptoms_reported","message":{"vi":"Có triệu chứng nghi nhiễm: hãy liên hệ trạm y tế xã/phường.","en":"Symptoms reported: please contact your commune health station."}}},
    {"id":"contact_case","type":"yes_no","required":true,"label":{"vi":"Trong 14 ngày qua, anh/chị có tiếp xúc với người bệnh hoặc nghi ngờ mắc COVID-19 không?","en":"In the past 14 days, were you in contact with a case or suspected case of COVID-19?"},"warning":{"when":{"equals":true},"fact":"contact_reported","message":{"vi":"Có tiếp xúc với ca bệnh hoặc nghi ngờ.","en":"Contact with a case or suspected case."}}}
  ]'::jsonb);
