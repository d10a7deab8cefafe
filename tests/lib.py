"""tests/lib.py: what every Python test script shares.

    from lib import shared_dir, root_dir, Tally
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def root_dir():
    """The checkout: the folder above tests/."""
    return os.path.dirname(HERE)


def shared_dir():
    """The shared data: $DRAFTLINT_SHARED, or ../shared beside the checkout."""
    return os.environ.get("DRAFTLINT_SHARED",
                          os.path.join(os.path.dirname(root_dir()), "shared"))


class Tally:
    """Counts checks and prints the closing line 'LABEL: N passed, N failed'."""

    def __init__(self, label):
        self.label, self.passed, self.failed = label, 0, 0

    def check(self, good, message=""):
        if good:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL " + message)
        return good

    def done(self):
        print("%s: %d passed, %d failed" % (self.label, self.passed, self.failed))
        sys.exit(1 if self.failed else 0)
