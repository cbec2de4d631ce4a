"""The Content-Security-Policy header, built once.

django-csp builds the policy from settings on every response (twice: the policy and the
report-only one), about a tenth of a stored page's time. Haven has one policy: no view
changes it and no page uses a nonce, so it is built once per process; a response that does
carry its own CSP settings still goes through django-csp.
"""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.utils.functional import cached_property

_OVERRIDES = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")
_DEBUG_EXEMPT = (404, 500)


class SteadyCSPMiddleware(CSPMiddleware):
    @cached_property
    def policy(self):
        return build_policy()

    def process_response(self, request, response):
        steady = (
            not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            and not any(getattr(response, name, None) for name in _OVERRIDES)
            and getattr(request, "_csp_nonce", None) is None
        )
        if not steady:
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in _DEBUG_EXEMPT:
            return response
        if HEADER not in response:
            response[HEADER] = self.policy
        return response
