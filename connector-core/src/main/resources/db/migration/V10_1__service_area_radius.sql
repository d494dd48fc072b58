-- The receptionist (issue 4): a service area may be a radius around the shop, "latitude,longitude,miles".
ALTER TABLE tenants ADD COLUMN service_area_radius VARCHAR(64) NULL;
