import QueueCore
