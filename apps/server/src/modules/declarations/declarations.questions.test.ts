import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  evaluateWarnings,
  normalizeAnswers,
  setInForce,
  validateAnswers,
  type QuestionSet,
} from './declarations.questions';

const L = (vi: string, en: string) => ({ vi, en });
const SET: QuestionSet = {
  version: 't-1',
  kind: 'domestic',
  effectiveFrom: '2021-07-01T00:00:00Z',
  questions: [
    { id: 'places', type: 'text', label: L('Nơi đã đến', 'Places'), maxLength: 10 },
    { id: 'provinces', type: 'provinces', label: L('Tỉnh', 'Provinces') },
    {
      id: 'symptoms',
      type: 'multi_select',
      required: true,
      label: L('Triệu chứng', 'Symptoms'),
      options: [
        { value: 'fever', label: L('Sốt', 'Fever') },
        { value: 'cough', label: L('Ho', 'Cough') },
      ],
      warning: {
        when: { anyOf: ['fever', 'cough'] },
        message: L('Có triệu chứng', 'Symptoms'),
        fact: 'symptoms_reported',
      },
    },
    {
      id: 'contact',
      type: 'yes_no',
      required: true,
      label: L('Tiếp xúc', 'Contact'),
      warning: { when: { equals: true }, message: L('Có tiếp xúc', 'Contact'), fact: 'contact_reported' },
    },
    { id: 'date', type: 'date', label: L('Ngày', 'Date') },
    { id: 'country', type: 'country', label: L('Quốc tịch', 'Nationality') },
    { id: 'commune', type: 'commune', label: L('Xã', 'Commune') },
    {
      id: 'vehicle',
      type: 'single_select',
      label: L('Phương tiện', 'Vehicle'),
      options: [{ value: 'bus', label: L('Xe khách', 'Bus') }],
    },
  ],
};
const lookups = { provinces: new Set(['01', '79']) };
const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}:${e.code}`).sort();

describe('declaration answers against a question set', () => {
  it('accepts a complete, well-typed set of answers', () => {
    const answers = {
      places: 'Chợ Hôm',
      provinces: ['01', '79'],
      symptoms: [],
      contact: false,
      date: '2021-08-01',
      country: 'SG',
      commune: '00001',
      vehicle: 'bus',
    };
    assert.deepEqual(validateAnswers(SET, answers, lookups), []);
  });

  it('names every unknown question, missing required answer and wrong type by question id', () => {
    const errors = validateAnswers(
      SET,
      {
        bogus: 1,
        contact: 'yes',
        provinces: '01',
        date: '2021-02-30',
        places: 'x'.repeat(11),
        vehicle: 'tram',
      },
      lookups,
    );
    assert.deepEqual(codes(errors), [
      'answers.bogus:UNKNOWN_QUESTION',
      'answers.contact:WRONG_TYPE',
      'answers.date:INVALID_VALUE',
      'answers.places:INVALID_VALUE',
      'answers.provinces:WRONG_TYPE',
      'answers.symptoms:REQUIRED',
      'answers.vehicle:INVALID_VALUE',
    ]);
    assert.ok(errors.every((e) => e.message.vi && e.message.en));
  });

  it('refuses unknown province codes, options, country and commune formats', () => {
    const errors = validateAnswers(
      SET,
      { symptoms: ['fever', 'sneeze'], contact: true, provinces: ['99'], country: 'vn', commune: '1' },
      lookups,
    );
    assert.deepEqual(codes(errors), [
      'answers.commune:INVALID_VALUE',
      'answers.country:INVALID_VALUE',
      'answers.provinces:INVALID_VALUE',
      'answers.symptoms:INVALID_VALUE',
    ]);
  });

  it('treats blank text as unanswered and stores trimmed answers only', () => {
    assert.deepEqual(codes(validateAnswers(SET, { symptoms: [], contact: '  ' }, lookups)), [
      'answers.contact:REQUIRED',
    ]);
    assert.deepEqual(
      normalizeAnswers(SET, { places: '  Hồ Gươm ', symptoms: [], contact: false, date: '' }),
      {
        places: 'Hồ Gươm',
        symptoms: [],
        contact: false,
      },
    );
  });
});

describe('warning rules', () => {
  it('raises no warning for a clean declaration', () => {
    assert.deepEqual(evaluateWarnings(SET, { symptoms: [], contact: false }), []);
  });

  it('raises one warning per matching question, with its fact kind', () => {
    const w = evaluateWarnings(SET, { symptoms: ['cough'], contact: true });
    assert.deepEqual(
      w.map((x) => [x.questionId, x.fact, x.vi]),
      [
        ['symptoms', 'symptoms_reported', 'Có triệu chứng'],
        ['contact', 'contact_reported', 'Có tiếp xúc'],
      ],
    );
  });

  it('picks the question set with the latest effective date not after the moment', () => {
    const sets = [
      { version: 'a', effectiveFrom: '2021-07-01T00:00:00Z' },
      { version: 'b', effectiveFrom: '2021-10-11T00:00:00Z' },
      { version: 'c', effectiveFrom: '2030-01-01T00:00:00Z' },
    ];
    assert.equal(setInForce(sets, new Date('2021-08-01T00:00:00Z'))?.version, 'a');
    assert.equal(setInForce(sets, new Date('2022-01-01T00:00:00Z'))?.version, 'b');
    assert.equal(setInForce(sets, new Date('2020-01-01T00:00:00Z')), undefined);
  });
});
