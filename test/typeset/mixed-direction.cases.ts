/** The mixed-direction lines whose visual order Chromium decides (see chromium-order.gen.ts). */
export interface MixedCase {
  lang: string;
  text: string;
}

export const MIXED_CASES: MixedCase[] = [
  { lang: 'ar', text: 'المادة 22 (2) من Aufenthaltsgesetz' },
  { lang: 'fa', text: 'بند ۲۲ (۲) قانون اقامت' },
  { lang: 'fa-AF', text: '(PSL) چپ پساشوروی' },
  { lang: 'ar', text: 'ولم يبقَ سوى ثغرات للحالات «الجذّابة إعلاميًا على نحو استثنائي» — تلك' },
  { lang: 'fa', text: 'حالت‌های «فوق‌العاده رسانه‌پسند» و «نمونه‌های بشردوستی» (PSL)' },
  { lang: 'fa-AF', text: 'اعلامیهٔ چپ پساشوروی (PSL) در مورد § 22 (2) قانون اقامت (Aufenthaltsgesetz)' },
  { lang: 'ar', text: 'بيان اليسار ما بعد السوفيتي (PSL) بشأن تعليق التأشيرات الإنسانية في ألمانيا' },
  { lang: 'ar', text: 'بموجب § 22 (2) من قانون الإقامة (Aufenthaltsgesetz) — وهو البرنامج' },
  { lang: 'ar', text: '«Post-Soviet Left» هو اليسار، 2026.' },
  { lang: 'ru', text: 'Левые («اليسار ما بعد السوفيتي», 2026) и «Aufenthaltsgesetz».' },
];
