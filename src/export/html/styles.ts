/**
 * The one stylesheet of every page, inlined (one request fewer on slow networks).
 * Logical properties only (inline/block, start/end), so right-to-left pages need no
 * stylesheet of their own; test/html/styles.test.ts keeps it that way.
 */
import { SITE } from '../../config.js';

const { ink, paper, accent, muted } = SITE.colours;

const BASE = `
:root{--ink:${ink};--paper:${paper};--accent:${accent};--muted:${muted};--rule:#d8cfbf;--panel:#ece4d4;
--size:1.125rem;--leading:1.62;--measure:36rem;color-scheme:light dark}
:root[data-script="Arab"]{--size:1.1875rem;--leading:1.95;--measure:38rem}
@media (prefers-color-scheme:dark){:root{--ink:#ece6dc;--paper:#161413;--accent:#ff7a6e;--muted:#b7aea2;--rule:#3b3632;--panel:#24201d}}
*,*::before,*::after{box-sizing:border-box}
html{background:var(--paper);color:var(--ink);-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-size:var(--size);line-height:var(--leading);font-kerning:normal;overflow-wrap:break-word}
.wrap{max-inline-size:var(--measure);margin-inline:auto;padding-inline:1.25rem}
a{color:var(--accent);text-decoration-thickness:1px;text-underline-offset:.18em}
a:hover{text-decoration-thickness:2px}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;inset-inline-start:1rem;inset-block-start:-10rem;background:var(--ink);color:var(--paper);padding:.5rem 1rem}
.skip:focus{inset-block-start:1rem}
.masthead{border-block-start:.375rem solid var(--accent);border-block-end:1px solid var(--rule);padding-block:.7rem}
.masthead .wrap{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.4rem 1.5rem}
.brand{color:var(--ink);text-decoration:none;font-size:1.0625rem}
.langs ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .85rem;font-size:.9375rem;line-height:1.8}
.langs a{color:var(--muted);text-decoration:none}
.langs [lang="ar"]{font-size:1.1em}
.langs a:hover{color:var(--accent)}
.langs [aria-current]{color:var(--ink);border-block-end:2px solid var(--accent)}
main{padding-block:2.25rem 2.5rem}
.kicker{color:var(--accent);font-size:.9375rem;margin:0 0 .5rem}
h1{font-size:clamp(1.7rem,1.25rem + 2.2vw,2.5rem);line-height:1.18;margin:0 0 .9rem;text-wrap:balance}
.dateline{color:var(--muted);font-size:.9375rem;margin:0 0 1.4rem}
.notice{background:var(--panel);border-inline-start:.25rem solid var(--accent);padding:.55rem .9rem;font-size:.9375rem;margin:0 0 1.4rem}
.lede{font-size:1.1875em;line-height:1.5;margin:0 0 1.8rem;padding-block-end:1.5rem;border-block-end:1px solid var(--rule)}
.body{hyphens:auto}
.body p,.body ul,.body ol,.body blockquote{margin-block:0 1em}
.body ul,.body ol{padding-inline-start:1.4em}
.body blockquote{margin-inline:0;padding-inline-start:1rem;border-inline-start:.2rem solid var(--accent)}
.body h2,.body h3,.body h4{line-height:1.3;margin-block:1.8em .6em}
.body h2{font-size:1.3rem}.body h3{font-size:1.125rem}
.body table{border-collapse:collapse;margin-block:0 1em}
.body th,.body td{border:1px solid var(--rule);padding:.3em .6em;text-align:start}
.signature{margin-block:2rem 0;color:var(--muted)}
.downloads{margin-block-start:2.75rem;border-block-start:.2rem solid var(--ink);padding-block-start:1rem}
.downloads h2{font-size:1.125rem;line-height:1.3;margin:0 0 .8rem}
.downloads ul{list-style:none;margin:0 0 1.1rem;padding:0;display:flex;flex-wrap:wrap;gap:.55rem}
.downloads a{display:inline-block;border:1px solid var(--rule);background:var(--panel);padding:.3rem .75rem;text-decoration:none;font-size:.9375rem;line-height:1.6}
.downloads a:hover{border-color:var(--accent)}
.downloads p{margin:0 0 .5rem;color:var(--muted);font-size:.9375rem}
.share{margin-block-start:2rem;border-block-start:1px solid var(--rule);padding-block-start:1rem}
.share h2{font-size:1.125rem;line-height:1.3;margin:0 0 .8rem}
.share ul{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.55rem}
.share ul a{display:inline-block;border:1px solid var(--rule);background:var(--panel);padding:.3rem .75rem;text-decoration:none;font-size:.9375rem;line-height:1.6}
.share p{margin:0 0 1rem;color:var(--muted);font-size:.9375rem}
.share label{display:block;font-size:.9375rem;margin:0 0 .3rem}
.share textarea{display:block;inline-size:100%;font:inherit;font-size:.9375rem;line-height:1.5;color:var(--ink);background:var(--paper);border:1px solid var(--rule);padding:.5rem;margin:0 0 .3rem;resize:vertical}
.event{background:var(--panel);border-inline-start:.25rem solid var(--accent);padding:.7rem 1rem;margin:0 0 1.8rem}
.event h2,.signatories h2,.join h2{font-size:1.125rem;line-height:1.3;margin:0 0 .5rem}
.event dl{margin:0 0 .5rem;display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}
.event dt{color:var(--muted)}.event dd{margin:0}.event p{margin:0}
.signatories{margin-block-start:2rem}
.signatories ul{margin:0;padding-inline-start:1.2em}
.join{margin-block-start:2rem;padding-block-start:1rem;border-block-start:1px solid var(--rule)}
.join p{margin:0}
.site-footer .imprint{margin-block-start:1rem;font-size:.875rem}
.site-footer .imprint h2{font-size:inherit;display:inline;margin:0}
.site-footer .imprint h2::after{content:" · "}
.site-footer .imprint p{display:inline;margin:0}
.site-footer{border-block-start:1px solid var(--rule);padding-block:1.25rem 2rem;font-size:.9375rem;color:var(--muted)}
.site-footer ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.5rem}
.site-footer .mirrors{margin:.6rem 0 0}
.homes{list-style:none;margin:0 0 2.5rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;font-size:1.125rem}
.not-found{margin-block:0 2rem}
.not-found h2{font-size:1.25rem;margin:0 0 .3rem}
.not-found p{margin:0 0 .3rem}
.picker,.listing{list-style:none;margin:0;padding:0}
.picker li{border-block-end:1px solid var(--rule);padding-block:.8rem}
.picker a{display:block;font-size:1.25rem;text-decoration:none}
.picker span,.listing time{display:block;color:var(--muted);font-size:.9375rem}
.listing li{margin-block:0 1.1rem}
.index-lang{margin-block:0 2.5rem}
.index-lang h2{font-size:1.375rem;line-height:1.3;margin:0 0 .3rem}
.index-lang>p{color:var(--muted);margin:0 0 1rem;font-size:.9375rem}
:root[data-script="Arab"] h1{line-height:1.5}
:root[data-script="Arab"] .lede{line-height:1.8}
@media (min-width:60rem){main{padding-block-start:3.5rem}}
@media print{
@page{margin:18mm 20mm}
html,body{background:#fff;color:#000}
body{font-size:11pt;line-height:1.45}
:root[data-script="Arab"] body{line-height:1.7}
.skip,.langs,.downloads,.share,.site-footer{display:none}
.masthead{border:0;padding:0}
main{padding:0}
a{color:inherit;text-decoration:none}
.kicker,.notice{color:#000;background:none}
.lede{border-color:#000}
h1,h2,h3{break-after:avoid}
p{orphans:3;widows:3}
}
`;

/** The page stylesheet: the font faces, each language's font family list, then the design. */
export function stylesheet(fontFaces: string, families: string): string {
  return [fontFaces, families, minify(BASE)].filter(Boolean).join('\n');
}

function minify(css: string): string {
  return css.trim().replace(/\n+/g, '\n');
}
