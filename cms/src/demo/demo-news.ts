import type { Core } from '@strapi/strapi';
import { getNewsService } from '../api/news/services';
import { NEWS_UID, RECALL_UID } from '../api/news/news-uids';

// Sample content, clearly marked: "[Sample]" / "[नमुना]" in every title, tag `sample`,
// campaign ids SAMPLE-…. Seeded through the CSV import, so it passes the same checks.
export const NEWS_CSV = `slug,title_en,title_ne,summary_en,summary_ne,body_en,body_ne,tags,publish
sample-bluebook-renewal-online,[Sample] Bluebook renewal moves online in Bagmati,[नमुना] बागमतीमा ब्लुबुक नवीकरण अनलाइन,"Owners in Bagmati Province can now start their bluebook renewal online and visit the office once, to collect it.","बागमती प्रदेशका सवारीधनीले अब ब्लुबुक नवीकरण अनलाइनबाट सुरु गरी एक पटक मात्र कार्यालय गएर लिन सक्नुहुन्छ।","This is sample news for the MotorGhar demo.

Fill in the form, pay the tax online and bring your papers on the day you are given.","यो मोटरघर डेमोका लागि नमुना समाचार हो।

फाराम भर्नुहोस्, कर अनलाइन तिर्नुहोस् र दिइएको दिन कागजपत्र लिएर जानुहोस्।",sample|bluebook,yes
sample-monsoon-riding-tips,[Sample] Five checks before riding in the monsoon,[नमुना] बर्खामा बाइक चलाउनुअघि पाँच जाँच,"Tyres, brakes, lights, chain and wipers: what to look at before the rains.","टायर, ब्रेक, बत्ती, चेन र वाइपर: पानी पर्नुअघि के-के हेर्ने।","This is sample news for the MotorGhar demo.

Check tyre tread, test both brakes, clean the lights, oil the chain and replace worn wiper blades.","यो मोटरघर डेमोका लागि नमुना समाचार हो।

टायरको बुट्टा हेर्नुहोस्, दुवै ब्रेक जाँच्नुहोस्, बत्ती सफा गर्नुहोस्, चेनमा तेल हाल्नुहोस् र खिइएका वाइपर फेर्नुहोस्।",sample|safety|motorcycle,yes
sample-ev-charging-highway,[Sample] New EV chargers along the Prithvi Highway,[नमुना] पृथ्वी राजमार्गमा नयाँ ईभी चार्जर,"Fast chargers now stand every 50 km or so between Kathmandu and Pokhara.","काठमाडौँदेखि पोखरासम्म करिब हरेक ५० किलोमिटरमा द्रुत चार्जर राखिएका छन्।","This is sample news for the MotorGhar demo.","यो मोटरघर डेमोका लागि नमुना समाचार हो।",sample|ev,yes
sample-pollution-test-drive,[Sample] Pollution test drive in the valley,[नमुना] उपत्यकामा प्रदूषण जाँच अभियान,"Traffic police will test exhaust at checkpoints this month; carry your green sticker.","ट्राफिक प्रहरीले यो महिना चेकपोस्टमा धुवाँ जाँच गर्नेछ; हरियो स्टिकर साथमा राख्नुहोस्।","This is sample news for the MotorGhar demo.","यो मोटरघर डेमोका लागि नमुना समाचार हो।",sample|pollution-test,yes
`;

export const RECALLS_CSV = `campaign_id,title_en,title_ne,summary_en,summary_ne,remedy_en,remedy_ne,make,model,year_from,year_to,severity,source_url,tags,publish
SAMPLE-BJ-2026-01,[Sample] Front brake hose may crack,[नमुना] अगाडिको ब्रेक पाइप चर्किन सक्छ,"On some motorcycles the front brake hose may crack with age, so the brake may work less well.","केही मोटरसाइकलमा पुरानो हुँदै जाँदा अगाडिको ब्रेक पाइप चर्किन सक्छ, जसले ब्रेक कमजोर हुन सक्छ।","Authorised workshops replace the hose free of charge.","अधिकृत वर्कसपले पाइप निःशुल्क फेरिदिन्छन्।",bajaj,pulsar-150,2017,2020,high,https://example.com/sample-recalls/bj-2026-01,sample|brakes,yes
SAMPLE-HY-2026-02,[Sample] Airbag sensor software update,[नमुना] एयरब्याग सेन्सरको सफ्टवेयर अद्यावधिक,"A software fault may delay the front airbag sensor in some cars.","केही कारमा सफ्टवेयर त्रुटिले अगाडिको एयरब्याग सेन्सर ढिलो चल्न सक्छ।","Dealers update the software in about 30 minutes, free of charge.","डिलरले करिब ३० मिनेटमा निःशुल्क सफ्टवेयर अद्यावधिक गरिदिन्छन्।",hyundai,creta,2015,2018,critical,https://example.com/sample-recalls/hy-2026-02,sample|airbag,yes
SAMPLE-BJ-2026-03,[Sample] Side-stand switch check,[नमुना] साइड स्ट्यान्ड स्विच जाँच,"The side-stand switch may stick, so the engine may not cut out with the stand down.","साइड स्ट्यान्ड स्विच अड्किन सक्छ, जसले स्ट्यान्ड तल हुँदा इन्जिन बन्द नहुन सक्छ।","Workshops check and clean the switch at the next service.","अर्को सर्भिसिङमा वर्कसपले स्विच जाँचेर सफा गरिदिन्छन्।",bajaj,,2010,2014,low,,sample|electrical,yes
`;

/**
 * Sample news and recalls in English and Nepali, once (only while there are none): one
 * recall matches the demo owner's 2019 Pulsar. Publishing the recalls notifies matching
 * owners, as any publish does.
 */
export async function seedDemoNews(strapi: Core.Strapi): Promise<Record<string, number>> {
  const importer = getNewsService(strapi, 'content-import');
  const counts: Record<string, number> = {};
  for (const [kind, uid, csv] of [
    ['news', NEWS_UID, NEWS_CSV],
    ['recalls', RECALL_UID, RECALLS_CSV],
  ] as const) {
    if ((await strapi.db.query(uid).count({})) > 0) continue;
    const report = await importer.run(kind, csv);
    for (const rejected of report.rejected) {
      strapi.log.warn('sample content row rejected', { kind, ...rejected });
    }
    counts[kind] = report.created;
  }
  return counts;
}
