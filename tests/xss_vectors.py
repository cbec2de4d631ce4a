"""Our own XSS vectors, so a clone without ../shared still proves the renderers inert."""

OWN_XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<IMG SRC=JaVaScRiPt:alert('x')>",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    "<svg/onload=alert(1)>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<div style=\"width: expression(alert('x'))\">x</div>",
    '"><script>alert(document.cookie)</script>',
    "<<SCRIPT>alert('x');//<</SCRIPT>",
    "<a href='data:text/html,<script>alert(1)</script>'>x</a>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<q cite="javascript:alert(1)">quote</q>',
    "<details open ontoggle=alert(1)>",
    '<a href="https://ok.example" onmouseover="alert(1)">hover</a>',
    "<object data=javascript:alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<!--<img src=x onerror=alert(1)>-->",
]
