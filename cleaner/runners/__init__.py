"""Runners: shard the inputs and run the pipeline over them, on this machine or on a cluster."""
