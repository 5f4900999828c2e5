from powerkit.tracing import Tracer

# Inside Lambda with tracing on, the X-Ray SDK instruments the listed libraries: each boto3
# call becomes a subsegment under the function that made it.
tracer = Tracer(service="orders", patch_modules=["boto3", "requests"])

# Health checks and the metadata endpoint are noise in a trace map.
tracer.ignore_endpoint(hostname="*.internal.example.com")
tracer.ignore_endpoint(hostname="169.254.169.254", urls=["/latest/meta-data/*"])

if __name__ == "__main__":
    print("tracing off here" if tracer.disabled else "tracing on")
