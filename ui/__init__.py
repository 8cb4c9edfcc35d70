"""newsrag's faces: the command line, the Gradio app and its JSON routes. Thin: every command and callback is
one call into rag/, ingest/ or eval/."""
