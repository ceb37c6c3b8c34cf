-- One database per service (docker-compose); ./kirana up creates the same ones itself.
CREATE DATABASE kirana_auth;
CREATE DATABASE kirana_catalog;
CREATE DATABASE kirana_inventory;
CREATE DATABASE kirana_order;
CREATE DATABASE kirana_accounting;
CREATE DATABASE kirana_reporting;
