"""newsrag's engine: core types, settings, the store, embeddings, retrieval and answerers.

Importing this package touches neither the disk nor the network; heavy parts load on first use.
"""
