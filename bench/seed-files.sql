-- Seeds the load benchmark: 1,000 users, 100 folders, 100,000 files, 500,000 view/sign permissions.
-- Portable between SQLite and PostgreSQL (recursive CTEs, ON CONFLICT DO NOTHING); :NOW is replaced by the script.
-- Direct inserts on purpose: the benchmark measures the list endpoint, not registration.
INSERT INTO users (user_id, user_name, company, name_roman, company_roman, email, login_expires_at, role, may_sign,
                   password_hash, signing_choice, created_at, created_by, updated_at, password_changed_at)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
SELECT 'bu' || i, '利用者 ' || i, '会社 ' || (i % 50), 'User ' || i, 'Company ' || (i % 50), 'bu' || i || '@bench.example',
       :NOW + 86400 * 365, 'user', 1, 'not-a-hash', 'sign', :NOW, 'admin', :NOW, :NOW
FROM n;

INSERT INTO folders (folder_id, name, name_fold, created_at, created_by)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99)
SELECT 'bd' || i, '案件フォルダ' || i, '案件フォルダ' || i, :NOW, 'admin' FROM n;

-- Registration dates spread over the last year; status 0/1/2 (未署名/署名中/署名済) in turn.
INSERT INTO files (file_id, folder_id, name, name_fold, registered_at, registered_by, version, content_sha256, size,
                   signature_count, sign_ordered, required_signers, signed_count, status, updated_at)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
SELECT 'bf' || i, 'bd' || (i % 100), '確認申請書_' || i || '.pdf', '確認申請書_' || i || '.pdf',
       :NOW - (i % 365) * 86400 - (i % 86400), 'admin', 1 + (i % 3), 'seed', 1000, i % 3, i % 2, 2, i % 3, i % 3, :NOW
FROM n;

-- Two signers and three viewers per file (a user appearing twice keeps the first row), each with its file's
-- registration time.
INSERT INTO file_permissions (file_id, user_id, kind, sign_position, processed, registered_at)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
SELECT 'bf' || i, 'bu' || (i % 1000), 'sign', 1, CASE WHEN i % 3 > 0 THEN 1 ELSE 0 END,
       :NOW - (i % 365) * 86400 - (i % 86400)
FROM n WHERE true
ON CONFLICT DO NOTHING;
INSERT INTO file_permissions (file_id, user_id, kind, sign_position, processed, registered_at)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
SELECT 'bf' || i, 'bu' || ((i * 7 + 1) % 1000), 'sign', 2, CASE WHEN i % 3 = 2 THEN 1 ELSE 0 END,
       :NOW - (i % 365) * 86400 - (i % 86400)
FROM n WHERE true
ON CONFLICT DO NOTHING;
INSERT INTO file_permissions (file_id, user_id, kind, processed, registered_at)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
SELECT 'bf' || i, 'bu' || ((i * 13 + 2) % 1000), 'view', i % 2,
       :NOW - (i % 365) * 86400 - (i % 86400)
FROM n WHERE true
ON CONFLICT DO NOTHING;
INSERT INTO file_permissions (file_id, user_id, kind, processed, registered_at)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
SELECT 'bf' || i, 'bu' || ((i * 31 + 3) % 1000), 'view', (i + 1) % 2,
       :NOW - (i % 365) * 86400 - (i % 86400)
FROM n WHERE true
ON CONFLICT DO NOTHING;
INSERT INTO file_permissions (file_id, user_id, kind, processed, registered_at)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
SELECT 'bf' || i, 'bu' || ((i * 57 + 4) % 1000), 'view', 0,
       :NOW - (i % 365) * 86400 - (i % 86400)
FROM n WHERE true
ON CONFLICT DO NOTHING;

-- The benchmark's caller: user bu1 with a session whose token hash the script fills in.
INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, absolute_expires_at)
VALUES (':TOKEN_HASH', 'bu1', :NOW, :NOW, :NOW + 86400);
