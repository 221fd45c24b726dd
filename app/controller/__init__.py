"""The controller and its worker thread: the one place the window talks to the model process through."""
