"""Move schema.org JSON-LD blocks from the page body into <head>.

Material's instant navigation re-creates every <script> in the swapped content as JavaScript
(it does not keep `type`), so a JSON-LD block left in the body throws a syntax error after an
instant navigation. In <head> it is read by search engines and never swapped.
"""
import re

JSONLD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)


def on_post_page(output, page, **kwargs):
    blocks = JSONLD.findall(output)
    if not blocks:
        return output
    output = JSONLD.sub("", output)
    return output.replace("</head>", "".join(blocks) + "</head>", 1)
