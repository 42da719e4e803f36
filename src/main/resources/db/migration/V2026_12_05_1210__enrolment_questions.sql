-- Questions an activity asks when people sign up. All are optional to answer. A preset question
-- (age band, gender, accessibility needs) takes its texts from the translations, so it reads well
-- in every language; the others carry their own prompt and choices.
CREATE TABLE registration_question (
    id               bigserial PRIMARY KEY,
    site_id          bigint  NOT NULL REFERENCES site (id),
    organisation_id  bigint  NOT NULL REFERENCES organisation (id),
    activity_id      bigint  NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    question_key     text    NOT NULL,   -- the key of the answer in enrolment.answers
    kind             text    NOT NULL CHECK (kind IN ('SHORT_TEXT', 'YES_NO', 'ONE_CHOICE')),
    preset           text    CHECK (preset IN ('AGE_BAND', 'GENDER', 'ACCESSIBILITY')),
    prompt           jsonb   NOT NULL DEFAULT '{}'::jsonb,
    choices          jsonb   NOT NULL DEFAULT '[]'::jsonb,   -- [{"key": "...", "label": {"en": "..."}}]
    position         int     NOT NULL,
    UNIQUE (activity_id, question_key)
);
CREATE INDEX registration_question_activity_idx ON registration_question (activity_id, position);
CREATE INDEX registration_question_organisation_idx ON registration_question (organisation_id);
CREATE INDEX registration_question_site_idx ON registration_question (site_id);
