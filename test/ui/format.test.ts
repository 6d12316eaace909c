/**
 * The popup's and reader tab's date is the day the publisher printed, in any viewer's time zone: the exports
 * (core/export/header.ts formatDate) keep the first ten characters, so the UI must show the same day.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateText } from '../../src/ui/format.ts';
import { formatDate } from '../../src/core/export/header.ts';

// A zone where 04:22 in Beijing (UTC+8) is still the day before; Node reads TZ again when it changes.
process.env.TZ = 'America/Los_Angeles';

test("an early-morning Beijing story shows the publisher's day, not the viewer's", () => {
  assert.equal(dateText('2022-02-13T04:22+08:00', 'en'), 'February 13, 2022');
  assert.equal(dateText('2022-02-13T04:22:00+08:00', 'zh-CN'), '2022年2月13日');
  assert.equal(formatDate('2022-02-13T04:22+08:00'), '2022-02-13', 'the exports print the same day');
});

test('a printed time without an offset and a bare day keep their day', () => {
  assert.equal(dateText('2019-11-25T16:04:30', 'en'), 'November 25, 2019');
  assert.equal(dateText('2025-01-01', 'zh-CN'), '2025年1月1日');
  assert.equal(dateText('2024-12-31T23:59:00Z', 'en'), 'December 31, 2024');
});

test('a date the page prints in words stays as written', () => {
  assert.equal(dateText('上周三', 'zh-CN'), '上周三');
  assert.equal(dateText(null, 'en'), null);
});

test('a full date string without the ISO form is formatted as parsed', () => {
  assert.equal(dateText('Tue, 14 Mar 2023 10:00:00 GMT', 'en'), 'March 14, 2023');
});
