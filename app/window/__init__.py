"""The main window: its menus, files, exports, transport bar and the app's start-up."""
