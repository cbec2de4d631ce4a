"""Polling from the test side: the page's own script may run after an element appears.

Polled with page.evaluate rather than wait_for_function, which needs the page's JavaScript on.
"""


def wait_until_true(page, expression, arg=None, attempts=50, message="condition"):
    """Evaluate ``expression`` every 100 ms until it is truthy; fail after ``attempts`` tries."""
    for _ in range(attempts):
        if page.evaluate(expression, arg):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {message}")


def wait_focused(page, element_id):
    """Wait until the element with ``element_id`` holds focus."""
    wait_until_true(
        page,
        "(id) => !!document.activeElement && document.activeElement.id === id",
        element_id,
        message=f"#{element_id} is focused",
    )
