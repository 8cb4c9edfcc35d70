"""newsrag's eval suite: golden sets, metrics, regression gates and benchmark adapters (see issue 3)."""
