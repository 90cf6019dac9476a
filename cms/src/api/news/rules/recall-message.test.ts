import { smsSize } from '@motorghar/reminders';
import { recallMessage, RECALL_SMS_MAX_SEGMENTS } from './recall-message';

const base = {
  summary: 'The brake hose may crack.',
  remedy: 'Dealers replace the hose free of charge.',
  campaignId: 'BJ-2026-01',
  severity: 'high' as const,
  vehicle: 'Rato Pulsar (BA 2 PA 1234)',
  portalUrl: 'https://motorghar.test/',
};

describe('recallMessage', () => {
  it('writes English and Nepali notices linking to the recalls page', () => {
    const en = recallMessage({ ...base, locale: 'en', title: 'Brake hose' });
    expect(en.email.subject).toBe('Recall notice: Brake hose (Rato Pulsar (BA 2 PA 1234))');
    expect(en.email.text).toContain('Severity: High');
    expect(en.email.html).toContain('<a href="https://motorghar.test/en/recalls">');
    expect(en.sms.text).toBe(
      'MotorGhar recall: Brake hose may affect Rato Pulsar (BA 2 PA 1234). https://motorghar.test/en/recalls',
    );
    const ne = recallMessage({ ...base, locale: 'ne', title: 'ब्रेक पाइप' });
    expect(ne.email.text).toContain('गम्भीरता: उच्च');
    expect(ne.sms.text).toContain('https://motorghar.test/ne/recalls');
  });

  it('keeps a long Nepali SMS within two segments, and escapes the email HTML', () => {
    const ne = recallMessage({
      ...base,
      locale: 'ne',
      title: 'अगाडिको ब्रेक पाइप चर्किन सक्ने भएकाले तुरुन्तै जाँच गराउनुपर्ने रिकल सूचना'.repeat(
        3,
      ),
      vehicle: 'रातो पल्सर <script> (BA 2 PA 1234)',
    });
    expect(smsSize(ne.sms.text).segments).toBeLessThanOrEqual(RECALL_SMS_MAX_SEGMENTS);
    expect(ne.email.html).not.toContain('<script>');
  });
});
