"""The model-process layer: the child process that runs the simulation, its host and the frames it sends. Qt-free: the child starts with only the model's imports."""
